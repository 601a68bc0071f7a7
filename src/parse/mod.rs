//! Parse stage: split a record's front matter from its body, and read the YAML with positions.

pub mod frontmatter;
pub mod yaml;
