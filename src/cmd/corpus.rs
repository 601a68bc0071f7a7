//! `clerk corpus` (hidden): a large, valid records repository for benchmarks, made from the
//! example association. Each generated record is a variant of an example record of its type —
//! new id, title, numbers and body text — with its approvals really signed again over its new
//! content by the example's throwaway keys. The same seed gives the same bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context};
use ssh_key::{HashAlg, LineEnding, PrivateKey};

use crate::edit::{self, ApprovalEntry};
use crate::i18n::t;
use crate::model::digest::{content_digest, Payload, NAMESPACE};
use crate::model::record::Record;
use crate::model::repo::Repository;
use crate::read::SourceFile;

/// Types generated, with their weight (how many of every 100 records).
const MIX: &[(&str, u64)] = &[
    ("document", 30),
    ("member", 15),
    ("expense", 14),
    ("leave", 12),
    ("income", 10),
    ("meeting", 6),
    ("activity", 5),
    ("asset", 4),
    ("publicity", 4),
];

/// Paragraphs added to bodies: Chinese and English, as the association writes.
const PARAGRAPHS: &[&str] = &[
    "本案依《秘書處管理制度》辦理，經辦部門已完成資料彙整，相關附件存於秘書處檔案室備查。如有疑義，請洽綜合部。",
    "會議討論時，與會人員就執行進度、經費運用及後續分工充分交換意見，並請各部門於期限內回報辦理情形。",
    "為推動兩岸及國際文化交流，本會持續辦理講座、展覽與研習活動，並與各地文化團體建立長期合作關係。",
    "財務收支均依預算執行，憑證齊全，由財務人員逐筆登記，並按季向理事會報告收支情況。",
    "The secretariat keeps this record under the association's rules; supporting papers are filed with the general affairs department.",
    "Members may ask the membership department for a copy. Questions about dues, certificates or events go to the contact named above.",
    "This item was discussed at the meeting; the responsible department reports progress at the next council meeting.",
    "會員服務以便民為原則，申請、繳費與證書核發均可於線上辦理，並由會員部專人協助。",
];

/// Splitmix64: small, fast and the same everywhere, so a seed always gives the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Writes a repository of the example's records plus `count` generated ones into `out`
/// (which must not exist). Returns how many records it holds.
pub fn generate(example: &Path, out: &Path, count: usize, seed: u64) -> anyhow::Result<usize> {
    if out.exists() {
        bail!("{}", t("corpus-exists", &[("path", &out.display())]));
    }
    let (repo, _) = super::record::open_repository(example)?;
    let keys = example.join(".example-keys");
    if !keys.is_dir() {
        bail!("{}", t("corpus-no-keys", &[("path", &example.display())]));
    }
    let mut signer = Signer {
        dir: keys,
        cache: BTreeMap::new(),
    };
    let mut files = example_files(&repo, example, count, &mut signer)?;

    let templates: BTreeMap<&str, Vec<&Record>> = MIX
        .iter()
        .map(|(t, _)| {
            let list = repo
                .records
                .iter()
                .filter(|r| r.type_name.as_deref() == Some(*t))
                .collect();
            (*t, list)
        })
        .collect();
    let mut rng = Rng(seed);
    let mut serials = highest_serials(&repo);
    for n in 1..=count {
        let list = &templates[pick_type(&mut rng)];
        if list.is_empty() {
            continue;
        }
        let template = list[rng.below(list.len() as u64) as usize];
        let (path, text) = variant(&repo, template, n, &mut rng, &mut serials)?;
        let record = parse(&path, &text)?;
        let text = signer.resign(&repo, &record, &text)?;
        files.push((path, text));
    }

    let records = files
        .iter()
        .filter(|(p, _)| p.ends_with(".md") && p != "README.md")
        .count();
    for (rel, text) in &files {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, text)
            .with_context(|| t("cannot-write-path", &[("path", &path.display())]))?;
    }
    Ok(records)
}

/// The example's files as they are (records, configuration, README, types), but budgets large
/// enough that thousands of expenses and activities fit within their lines.
fn example_files(
    repo: &Repository,
    example: &Path,
    count: usize,
    signer: &mut Signer,
) -> anyhow::Result<Vec<(String, String)>> {
    let mut files: Vec<(String, String)> = Vec::new();
    for record in &repo.records {
        let mut text = repo.text_of(record).to_string();
        if record.type_name.as_deref() == Some("budget") {
            // A thousand times the example's budget per 5,000 records generated.
            text = scale_amounts(&text, 1000 * (1 + count as i64 / 5000));
            let scaled = parse(&record.path, &text)?;
            text = signer.resign(repo, &scaled, &text)?;
        }
        files.push((record.path.clone(), text));
    }
    for source in ["clerk.yaml", "README.md"] {
        if let Ok(text) = std::fs::read_to_string(example.join(source)) {
            files.push((source.to_string(), text));
        }
    }
    for entry in std::fs::read_dir(example.join("types"))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((format!("types/{name}"), std::fs::read_to_string(&path)?));
    }
    Ok(files)
}

/// The highest document and archive serials the example uses, by prefix: numbers go on from
/// them, so none repeats and none is skipped.
fn highest_serials(repo: &Repository) -> BTreeMap<String, u64> {
    let mut serials: BTreeMap<String, u64> = BTreeMap::new();
    for record in &repo.records {
        let number = repo.type_of(record).and_then(|t| t.number_of(record));
        if let Some((head, tail)) = number.and_then(|n| n.split_once('〕')) {
            let serial: u64 = tail.trim_end_matches('號').parse().unwrap_or(0);
            let e = serials.entry(format!("doc{head}")).or_insert(0);
            *e = (*e).max(serial);
        }
        if let Some((prefix, item)) = archive_field(repo)
            .and_then(|f| record.str_field(f))
            .and_then(|a| a.rsplit_once('-'))
        {
            let e = serials.entry(format!("arc{prefix}")).or_insert(0);
            *e = (*e).max(item.parse().unwrap_or(0));
        }
    }
    serials
}

/// The field archive numbers are in, when the repository numbers its archive.
fn archive_field(repo: &Repository) -> Option<&str> {
    repo.config.archive.as_ref().map(|a| a.field.as_str())
}

/// A type to generate, drawn by the weights of `MIX`.
fn pick_type(rng: &mut Rng) -> &'static str {
    let total: u64 = MIX.iter().map(|(_, w)| w).sum();
    let mut pick = rng.below(total);
    MIX.iter()
        .find(|(_, w)| {
            if pick < *w {
                true
            } else {
                pick -= w;
                false
            }
        })
        .map_or("document", |(t, _)| t)
}

/// Record `n`: a copy of `template` with a new name, title, numbers and body.
fn variant(
    repo: &Repository,
    template: &Record,
    n: usize,
    rng: &mut Rng,
    serials: &mut BTreeMap<String, u64>,
) -> anyhow::Result<(String, String)> {
    let text = repo.text_of(template);
    let dir = Path::new(&template.path)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = format!("{}-g{n:05}", template.id);
    let path = format!("{dir}/{id}.md");
    let title = template.title().unwrap_or("紀錄");
    let mut fields: Vec<(&str, String)> = vec![("title", format!("{title}（{n}）"))];
    let number_field = repo.type_of(template).and_then(|t| t.number_field());
    if let Some((field, number)) = number_field.and_then(|f| Some((f, template.str_field(f)?))) {
        // 協秘〔2026〕3號 → the next serial of that year, after every number in the example.
        if let Some((head, _)) = number.split_once('〕') {
            let next = serials.entry(format!("doc{head}")).or_insert(0);
            *next += 1;
            fields.push((field, format!("{head}〕{next}號")));
        }
    }
    let archive_field = archive_field(repo);
    if let Some((field, archive)) = archive_field.and_then(|f| Some((f, template.str_field(f)?))) {
        if let Some((prefix, _)) = archive.rsplit_once('-') {
            let next = serials.entry(format!("arc{prefix}")).or_insert(0);
            *next += 1;
            fields.push((field, format!("{prefix}-{next:04}")));
        }
    }
    for key in ["certificate_no", "asset_no"] {
        if let Some(value) = template.str_field(key) {
            fields.push((key, format!("{value}-G{n:05}")));
        }
    }
    let mut edited =
        edit::set_fields(text, &fields).map_err(|e| anyhow!("{}: {e}", template.path))?;
    // One to three more paragraphs of Chinese or English.
    for _ in 0..=rng.below(3) {
        let p = PARAGRAPHS[rng.below(PARAGRAPHS.len() as u64) as usize];
        if !edited.ends_with('\n') {
            edited.push('\n');
        }
        edited.push('\n');
        edited.push_str(p);
        edited.push('\n');
    }
    Ok((path, edited))
}

fn parse(path: &str, text: &str) -> anyhow::Result<Record> {
    Record::parse(
        0,
        &SourceFile {
            path: path.to_string(),
            text: text.to_string(),
            ..Default::default()
        },
    )
    .map_err(|d| anyhow!("{path}: {}", d.message))
}

/// Every `amount: N` of a budget's lines (before its approvals), multiplied.
fn scale_amounts(text: &str, factor: i64) -> String {
    let end = text.find("\napprovals:").unwrap_or(text.len());
    let pattern = regex::Regex::new(r"amount: ([0-9]+)").expect("a fixed pattern");
    let scaled = pattern.replace_all(&text[..end], |c: &regex::Captures| {
        let v: i64 = c[1].parse().unwrap_or(0);
        format!("amount: {}", v.saturating_mul(factor))
    });
    format!("{scaled}{}", &text[end..])
}

/// Signs approvals with the example's throwaway keys, each loaded once.
struct Signer {
    dir: PathBuf,
    cache: BTreeMap<String, PrivateKey>,
}

impl Signer {
    /// The key `by` held on `date` (the secretary-general rotated hers at the end of 2025).
    fn key(&mut self, by: &str, date: &str) -> anyhow::Result<&PrivateKey> {
        let name = if by == "lin-wenhui" && date < "2026-01-01" {
            "lin-wenhui-2023".to_string()
        } else {
            by.to_string()
        };
        if !self.cache.contains_key(&name) {
            let key = PrivateKey::read_openssh_file(&self.dir.join(&name))
                .with_context(|| format!("no example key {name}"))?;
            self.cache.insert(name.clone(), key);
        }
        Ok(&self.cache[&name])
    }

    /// Signs each of the record's approvals again over its current content.
    fn resign(&mut self, repo: &Repository, record: &Record, text: &str) -> anyhow::Result<String> {
        let Some(list) = record.fields.get("approvals").and_then(|v| v.as_array()) else {
            return Ok(text.to_string());
        };
        let digest = content_digest(repo.type_of(record), record, text);
        let mut out = text.to_string();
        for (i, approval) in list.iter().enumerate() {
            let s = |k: &str| {
                approval
                    .get(k)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let payload = Payload {
                record: record.id.clone(),
                step: s("step"),
                role: s("role"),
                by: s("by"),
                date: s("date"),
                digest: digest.clone(),
            };
            let key = self.key(&payload.by, &payload.date)?;
            let signature = key
                .sign(NAMESPACE, HashAlg::Sha512, payload.text().as_bytes())?
                .to_pem(LineEnding::LF)?;
            let entry = ApprovalEntry {
                step: payload.step,
                by: payload.by,
                role: payload.role,
                date: payload.date,
                digest: Some(digest.clone()),
                signature: Some(signature),
                note: approval
                    .get("note")
                    .and_then(|v| v.as_str())
                    .map(str::to_string),
            };
            out = edit::put_approval(&out, &entry, Some(i))
                .map_err(|e| anyhow!("{}: {e}", record.path))?;
        }
        Ok(out)
    }
}

/// `clerk corpus`'s arguments.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many records to add to the example's.
    #[arg(long, default_value = "10000")]
    pub records: usize,
    /// The seed of the generator: the same seed gives the same files.
    #[arg(long, default_value = "1")]
    pub seed: u64,
    /// The example repository to start from (it must have .example-keys/).
    #[arg(long, default_value = "records-example")]
    pub example: PathBuf,
    /// The folder to create.
    #[arg(short, long)]
    pub output: PathBuf,
}

impl Args {
    pub fn run(self) -> anyhow::Result<i32> {
        let n = generate(&self.example, &self.output, self.records, self.seed)?;
        let path = self.output.display();
        println!("{}", t("corpus-wrote", &[("n", &n), ("path", &path)]));
        Ok(0)
    }
}
