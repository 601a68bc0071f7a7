//! Read stage: the git history of every record — who changed it, when, why, and how its status
//! moved — gathered in one pass over the commits, not one `git log` per file.

use std::collections::HashMap;

use git2::{Repository, Sort};

/// One commit that changed a record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub commit: String,
    pub author: String,
    /// Commit date, YYYY-MM-DD (the committer's own time zone).
    pub date: String,
    pub message: String,
    /// The status before and after, when the commit changed it (None: no such field, or added).
    pub status_from: Option<String>,
    pub status_to: Option<String>,
}

/// Every record's changes by path (relative to the records folder `prefix`), newest first.
pub fn collect(
    repo: &Repository,
    prefix: &str,
) -> Result<HashMap<String, Vec<Change>>, git2::Error> {
    let mut out: HashMap<String, Vec<Change>> = HashMap::new();
    let Ok(head) = repo.head().and_then(|h| h.peel_to_commit()) else {
        return Ok(out); // no commits yet
    };
    let mut walk = repo.revwalk()?;
    walk.push(head.id())?;
    walk.simplify_first_parent()?;
    walk.set_sorting(Sort::TOPOLOGICAL)?;
    let strip = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}/")
    };
    let mut opts = git2::DiffOptions::new();
    if !prefix.is_empty() {
        opts.pathspec(&strip);
    }
    for oid in walk {
        let commit = repo.find_commit(oid?)?;
        let tree = commit.tree()?;
        let parent = commit.parent(0).ok().map(|p| p.tree()).transpose()?;
        let diff = repo.diff_tree_to_tree(parent.as_ref(), Some(&tree), Some(&mut opts))?;
        let time = commit.time();
        let date = chrono::DateTime::from_timestamp(
            time.seconds() + i64::from(time.offset_minutes()) * 60,
            0,
        )
        .map(|d| d.date_naive().to_string())
        .unwrap_or_default();
        for delta in diff.deltas() {
            let Some(path) = delta
                .new_file()
                .path()
                .or(delta.old_file().path())
                .and_then(|p| p.to_str())
            else {
                continue;
            };
            let Some(rel) = path.strip_prefix(&strip) else {
                continue;
            };
            if !rel.ends_with(".md") {
                continue;
            }
            let status = |id: git2::Oid| -> Option<String> {
                if id.is_zero() {
                    return None;
                }
                let blob = repo.find_blob(id).ok()?;
                status_of(std::str::from_utf8(blob.content()).ok()?)
            };
            let (from, to) = (status(delta.old_file().id()), status(delta.new_file().id()));
            let changed = from != to;
            out.entry(rel.to_string()).or_default().push(Change {
                commit: commit.id().to_string(),
                author: commit.author().name().unwrap_or_default().to_string(),
                date: date.clone(),
                message: commit
                    .summary()
                    .ok()
                    .flatten()
                    .unwrap_or_default()
                    .to_string(),
                status_from: if changed { from } else { None },
                status_to: if changed { to } else { None },
            });
        }
    }
    Ok(out)
}

/// The `status:` of a record's front matter, read without parsing the whole file.
fn status_of(text: &str) -> Option<String> {
    let split = crate::parse::frontmatter::split(text).ok()?;
    split.yaml.lines().find_map(|l| {
        let v = l.strip_prefix("status:")?.trim();
        let v = v
            .split(" #")
            .next()
            .unwrap_or(v)
            .trim()
            .trim_matches(['"', '\'']);
        (!v.is_empty()).then(|| v.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_status_lines() {
        assert_eq!(
            status_of("---\ntype: x\nstatus: 'issued'  # done\n---\n"),
            Some("issued".into())
        );
        assert_eq!(status_of("---\ntype: x\n---\nstatus: nope\n"), None);
    }

    #[test]
    fn one_pass_over_real_commits() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let sig = git2::Signature::new(
            "王芳",
            "w@example.org",
            &git2::Time::new(1_767_225_600, 480),
        )
        .unwrap();
        let commit = |text: &str, message: &str| {
            std::fs::create_dir_all(dir.path().join("rec/docs")).unwrap();
            std::fs::write(dir.path().join("rec/docs/a.md"), text).unwrap();
            let mut index = repo.index().unwrap();
            index
                .add_path(std::path::Path::new("rec/docs/a.md"))
                .unwrap();
            index.write().unwrap();
            let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
            let parents: Vec<git2::Commit> = repo
                .head()
                .ok()
                .and_then(|h| h.peel_to_commit().ok())
                .into_iter()
                .collect();
            let parents: Vec<&git2::Commit> = parents.iter().collect();
            repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
                .unwrap();
        };
        commit("---\ntype: d\nstatus: draft\n---\n", "draft it");
        commit("---\ntype: d\nstatus: draft\n---\nmore\n", "edit");
        commit("---\ntype: d\nstatus: reviewed\n---\nmore\n", "review");
        let h = collect(&repo, "rec").unwrap();
        let changes = &h["docs/a.md"];
        assert_eq!(changes.len(), 3);
        assert_eq!(changes[0].message, "review");
        assert_eq!(
            (
                changes[0].status_from.as_deref(),
                changes[0].status_to.as_deref()
            ),
            (Some("draft"), Some("reviewed"))
        );
        assert_eq!(changes[1].status_to, None);
        assert_eq!(changes[2].status_to.as_deref(), Some("draft"));
        assert_eq!(changes[2].author, "王芳");
        assert_eq!(changes[2].date, "2026-01-01");
    }
}
