//! Attachments a record lists: files inside the repository that clerk may publish, each name
//! once (`model::attachments` decides what may be).
//!
//! These read files beside the records, so they run on a folder (`clerk check`, `build`,
//! `serve`), never from a record's cached verdict.

use std::collections::HashSet;

use crate::diag::{codes, Diagnostic};
use crate::model::attachments;
use crate::model::repo::Repository;

/// The findings about every record's attachments.
pub fn check(repo: &Repository) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for record in &repo.records {
        let list = attachments::of(&repo.root, &repo.config.skip, record);
        if list.is_empty() {
            continue;
        }
        let text = repo.text_of(record);
        let mut names = HashSet::new();
        for a in list {
            let pos = record.pos(text, &format!("/attachments/{}", a.index), false);
            match a.source {
                Err(why) => diags.push(
                    Diagnostic::new(
                        codes::ATTACHMENT_REFUSED,
                        &record.path,
                        pos,
                        format!("the attachment `{}` {}", a.name, why.describe()),
                    )
                    .hint("attach a file inside the repository beside the record — a scan, a PDF, a picture; never a record, a key or anything under .git"),
                ),
                Ok(_) if !names.insert(a.file_name.clone()) => diags.push(
                    Diagnostic::new(
                        codes::ATTACHMENT_NAME_TWICE,
                        &record.path,
                        pos,
                        format!("two attachments of this record are named `{}`: the site keeps one file per name", a.file_name),
                    )
                    .hint("rename one of the files"),
                ),
                Ok(_) => {}
            }
        }
    }
    diags
}
