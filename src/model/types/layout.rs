//! How a record of a type is laid out on paper (`layout:` in a type file): an official document
//! (公文, GB/T 9704-2012), meeting minutes (紀要) or a policy (制度). Which field fills which
//! element of the page is the association's choice; clerk only knows the elements.

use serde::{Deserialize, Serialize};

use super::{Classification, Levels};

/// The paper layout of a type's records.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Which of the layouts: `document`, `minutes` or `policy`.
    pub kind: LayoutKind,
    /// 發文機關標志, the red issuer line at the head (default: the association's name).
    #[serde(default)]
    pub mark: Option<String>,
    /// 發文機關署名 above the date (default: the association's name).
    #[serde(default)]
    pub issuer: Option<String>,
    /// 印發機關 in the colophon (default: the issuer).
    #[serde(default)]
    pub printed_by: Option<String>,
    /// The field holding the 發文字號.
    #[serde(default = "number")]
    pub number: String,
    /// The field of the 主送機關 (a name or a list).
    #[serde(default)]
    pub to: Option<String>,
    /// The field of the 抄送機關.
    #[serde(default)]
    pub cc: Option<String>,
    /// The field of the 成文日期.
    #[serde(default)]
    pub signed_on: Option<String>,
    /// The field of the 印發日期.
    #[serde(default)]
    pub issued_on: Option<String>,
    /// The field listing the 附件 by name (附件說明).
    #[serde(default)]
    pub annexes: Option<String>,
    /// The field of the 附注 (printed in parentheses after the date).
    #[serde(default)]
    pub note: Option<String>,
    /// 簽發人: shown for 上行文 (a request or report to a superior).
    #[serde(default)]
    pub signer: Option<Signer>,
    /// Which audience, at least, sees each panel beside the document.
    #[serde(default)]
    pub panels: Panels,
}

fn number() -> String {
    crate::model::defaults::NUMBER.to_string()
}

/// The three layouts clerk knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutKind {
    /// 公文: 版頭, 主體, 版記 (GB/T 9704-2012).
    Document,
    /// 紀要: the meeting's title, number and body, the date at the foot.
    Minutes,
    /// 制度: a title, its version and the articles.
    Policy,
}

/// 簽發人: whose approval signs the document, and on which documents it is printed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// The approval step whose approver is the 簽發人.
    pub step: String,
    /// The field that says whether the document goes up (`kind`) …
    pub field: String,
    /// … and its values for 上行文 (`[請示, 報告]`).
    #[serde(rename = "in")]
    pub values: Vec<String>,
}

/// The panels shown beside a document, each from the audience named up (a level id of
/// clerk.yaml's `classifications`; default: the first above the lowest, `internal`, so the
/// public edition shows the document only).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Panels {
    #[serde(default)]
    pub details: Option<String>,
    #[serde(default)]
    pub approvals: Option<String>,
    #[serde(default)]
    pub circulation: Option<String>,
    #[serde(default)]
    pub history: Option<String>,
    #[serde(default)]
    pub links: Option<String>,
}

impl Panels {
    /// Each panel with the level it names, for the check that every one is configured.
    pub fn named(&self) -> [(&'static str, Option<&str>); 5] {
        [
            ("details", self.details.as_deref()),
            ("approvals", self.approvals.as_deref()),
            ("circulation", self.circulation.as_deref()),
            ("history", self.history.as_deref()),
            ("links", self.links.as_deref()),
        ]
    }

    /// The lowest audience that sees the panel set to `level`.
    pub fn from(level: Option<&str>, levels: &Levels) -> Classification {
        level
            .and_then(|id| levels.parse(id))
            .unwrap_or_else(|| levels.staff())
    }
}

impl Layout {
    /// Every field the layout names, with where in the type file it names it.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![("/layout/number", self.number.as_str())];
        let optional = [
            ("/layout/to", &self.to),
            ("/layout/cc", &self.cc),
            ("/layout/signed_on", &self.signed_on),
            ("/layout/issued_on", &self.issued_on),
            ("/layout/annexes", &self.annexes),
            ("/layout/note", &self.note),
        ];
        out.extend(
            optional
                .into_iter()
                .filter_map(|(at, f)| f.as_deref().map(|f| (at, f))),
        );
        if let Some(s) = &self.signer {
            out.push(("/layout/signer/field", s.field.as_str()));
        }
        out
    }
}
