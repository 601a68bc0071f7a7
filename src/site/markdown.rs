//! Markdown from records, as safe HTML.

/// Markdown from a record, as safe HTML: raw HTML is sanitised, so no record can inject script.
///
/// Markdown without raw HTML, links or images — most records — is already safe as
/// pulldown-cmark writes it (every text is escaped), so only the rest goes through the
/// sanitiser.
pub fn markdown(text: &str) -> String {
    use pulldown_cmark::{html, Event, Options, Parser, Tag};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events: Vec<Event> = Parser::new_ext(text, options).collect();
    let plain = !events.iter().any(|e| {
        matches!(
            e,
            Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::HtmlBlock)
        )
    });
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    if plain {
        return out;
    }
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into())
        .clean(&out)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::markdown;

    #[test]
    fn markdown_without_html_or_links_is_escaped_without_the_sanitiser() {
        // Every way text can carry markup without being raw HTML or a link.
        let text = "&lt;script&gt;alert(1)&lt;/script&gt; `<img src=x onerror=alert(2)>`\n\n\
                    ```\"><script>alert(3)</script>\n</code><script>alert(4)</script>\n```\n\n\
                    | a | b |\n|---|---|\n| <b | c\" onmouseover=\"x |\n\n\\<iframe\\> ~~<~~";
        let html = markdown(text);
        for bad in ["<script", "<img", "<iframe"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        // No tag carries an event handler: quotes inside text stay text.
        let handler = regex::Regex::new(r"<[^>]*\son[a-z]+\s*=").unwrap();
        assert!(!handler.is_match(&html), "{html}");
        assert!(html.contains("class=\"language-&quot;&gt;"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)"), "{html}");
        assert!(html.contains("<table>") && html.contains("<del>"), "{html}");
        // With raw HTML or a link, the sanitiser runs.
        let html = markdown(
            "<script>alert(5)</script>\n\n[x](javascript:alert(6))\n\n<b onclick=\"y\">b</b>",
        );
        for bad in ["<script", "href=\"javascript:", "onclick"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains("<a rel=\"noopener noreferrer\">x</a>"),
            "{html}"
        );
    }
}
