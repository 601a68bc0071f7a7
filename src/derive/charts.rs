//! Charts as inline SVG — no JavaScript, readable by screen readers (`role="img"`, a title and a
//! description), printable.

/// One series of values, drawn in one colour.
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// What names a chart: its title, an id unique on its page (for `aria-labelledby`), and the
/// language its numbers are written in (萬 and 億 in Chinese, k and M in English).
pub struct Head<'a> {
    pub title: &'a str,
    /// A heading drawn above the chart (收入, 支出 when a report is split), if any.
    pub caption: Option<&'a str>,
    pub id: &'a str,
    pub locale: &'a str,
}

const COLOURS: &[&str] = &[
    "#0b4f8a", "#c2571a", "#2e7d32", "#6a1b9a", "#8d6e00", "#00838f", "#ad1457", "#455a64",
];

/// The size of the axis and legend text, in pixels of the chart's own width.
const FONT: f64 = 14.0;
/// Lines a category label may wrap to; a longer one is cut with `…` (its whole text in a title).
const LABEL_LINES: usize = 3;

/// Text in an SVG element or attribute.
fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    html_escape::encode_double_quoted_attribute(s)
}

/// A value on an axis, short: `24萬` (zh-Hant), `24万` (zh-Hans), `240k` (en).
pub fn short(x: f64, locale: &str) -> String {
    let trim = |v: f64| {
        let s = format!("{v:.1}");
        s.strip_suffix(".0").map_or(s.clone(), str::to_string)
    };
    let (big, bigger) = match locale {
        "zh-Hant" => (Some("萬"), "億"),
        "zh-Hans" => (Some("万"), "亿"),
        _ => (None, ""),
    };
    match big {
        Some(_) if x.abs() >= 1e8 => format!("{}{bigger}", trim(x / 1e8)),
        Some(wan) if x.abs() >= 1e4 => format!("{}{wan}", trim(x / 1e4)),
        None if x.abs() >= 1e6 => format!("{}M", trim(x / 1e6)),
        None if x.abs() >= 1e4 => format!("{}k", trim(x / 1e3)),
        _ => trim(x),
    }
}

/// A value in full, as a tooltip or a screen reader says it: `237,500`.
fn full(x: f64) -> String {
    crate::text::money(x)
}

/// A round step for an axis of four steps up to at least `max`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8
/// times a power of ten (an axis of 6萬, 12萬, 18萬, 24萬 for 237,500).
fn nice_step(max: f64) -> f64 {
    let raw = (max / 4.0).max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power)
}

/// How wide `s` is drawn, in ems: a CJK character one, other characters about half.
fn width_em(s: &str) -> f64 {
    s.chars()
        .map(|c| if c as u32 >= 0x2E80 { 1.0 } else { 0.56 })
        .sum()
}

/// A category label in lines no wider than `room` pixels: wrapped (at spaces when it has some,
/// else between characters), at most [`LABEL_LINES`], the last cut with `…` when it does not fit.
fn wrap(label: &str, room: f64) -> (Vec<String>, bool) {
    let room_em = (room / FONT).max(1.0);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let words: Vec<String> = if label.contains(' ') {
        label.split(' ').map(|w| format!("{w} ")).collect()
    } else {
        label.chars().map(String::from).collect()
    };
    for w in words {
        if !line.is_empty() && width_em(line.trim_end()) + width_em(w.trim_end()) > room_em {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        line.push_str(&w);
    }
    lines.push(line.trim_end().to_string());
    if lines.len() <= LABEL_LINES {
        return (lines, false);
    }
    lines.truncate(LABEL_LINES);
    let last = &mut lines[LABEL_LINES - 1];
    while !last.is_empty() && width_em(last) + 1.0 > room_em {
        last.pop();
    }
    last.push('…');
    (lines, true)
}

/// A grouped bar chart: one group per label, one bar per series. Labels wrap under their group
/// and never run into the next one; values are written short on the axis and in full in each
/// bar's title.
pub fn bars(head: &Head, labels: &[String], series: &[Series]) -> String {
    let (w, left) = (720.0, 64.0);
    let top = 24.0 + caption_room(head);
    let plot_h = 232.0;
    let step = nice_step(
        series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .fold(0.0_f64, f64::max)
            .max(1.0),
    );
    let max = step * 4.0;
    let plot_w = w - left - 16.0;
    let group = plot_w / labels.len().max(1) as f64;
    let bar = (group * 0.8) / series.len().max(1) as f64;
    let wrapped: Vec<(Vec<String>, bool)> = labels.iter().map(|l| wrap(l, group * 0.92)).collect();
    let lines = wrapped.iter().map(|(l, _)| l.len()).max().unwrap_or(1);
    let line_h = FONT * 1.25;
    let legend_y = top + plot_h + 12.0 + line_h * lines as f64 + 24.0;
    let h = legend_y + 12.0;
    let mut out = header(head, w, h, &describe(labels, series));
    out.push_str(&caption(head));
    for i in 0..=4 {
        let v = step * i as f64;
        let y = top + plot_h - plot_h * i as f64 / 4.0;
        out.push_str(&format!(r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text class="axis-value" x="{}" y="{:.1}" text-anchor="end" font-size="{FONT}">{}</text>"##, w - 16.0, left - 6.0, y + 5.0, short(v, head.locale)));
    }
    for (g, (label, (lines, cut))) in labels.iter().zip(&wrapped).enumerate() {
        let x0 = left + group * g as f64 + group * 0.1;
        for (k, s) in series.iter().enumerate() {
            let v = s.values.get(g).copied().unwrap_or(0.0).max(0.0);
            let bh = plot_h * v / max;
            out.push_str(&format!(
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{bh:.1}" fill="{}"><title>{}: {}</title></rect>"#,
                x0 + bar * k as f64,
                top + plot_h - bh,
                (bar - 1.0).max(1.0),
                COLOURS[k % COLOURS.len()],
                escape(&format!("{label} {}", s.name)),
                full(v)
            ));
        }
        out.push_str(&axis_label(
            label,
            lines,
            *cut,
            x0 + group * 0.4,
            top + plot_h + 6.0 + FONT,
            line_h,
        ));
    }
    out.push_str(&legend(series, left, legend_y));
    out.push_str("</svg>");
    out
}

/// A category's label under its group, line by line; a cut one carries its whole text.
fn axis_label(label: &str, lines: &[String], cut: bool, x: f64, y: f64, line_h: f64) -> String {
    let mut out = format!(
        r#"<text class="axis-label" x="{x:.1}" y="{y:.1}" text-anchor="middle" font-size="{FONT}">"#
    );
    if cut {
        out.push_str(&format!("<title>{}</title>", escape(label)));
    }
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { line_h };
        out.push_str(&format!(
            r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#,
            escape(line)
        ));
    }
    out.push_str("</text>");
    out
}

/// The room a chart's heading takes above it: none without one.
fn caption_room(head: &Head) -> f64 {
    if head.caption.is_some() {
        FONT * 1.6
    } else {
        0.0
    }
}

/// The chart's heading (收入, 支出 when a report is split), drawn at its top left.
fn caption(head: &Head) -> String {
    head.caption.map_or_else(String::new, |caption| {
        format!(
            r#"<text class="caption" x="0" y="{FONT}" font-size="{:.1}" font-weight="700">{}</text>"#,
            FONT * 1.15,
            escape(caption)
        )
    })
}

/// A pie (as a ring): one slice per label, from the first series; below its heading, if any.
pub fn ring(head: &Head, labels: &[String], values: &[f64]) -> String {
    let top = caption_room(head);
    let (w, cx, cy, r) = (720.0, 160.0, 160.0 + top, 120.0);
    let h = top + (320.0_f64).max(40.0 + 24.0 * labels.len() as f64);
    let total: f64 = values
        .iter()
        .map(|v| v.max(0.0))
        .sum::<f64>()
        .max(f64::MIN_POSITIVE);
    let series = [Series {
        name: String::new(),
        values: values.to_vec(),
    }];
    let mut out = header(head, w, h, &describe(labels, &series));
    out.push_str(&caption(head));
    let mut angle = -std::f64::consts::FRAC_PI_2;
    for (i, (label, v)) in labels.iter().zip(values).enumerate() {
        let share = v.max(0.0) / total;
        let next = angle + share * std::f64::consts::TAU;
        let (x1, y1, x2, y2) = (
            cx + r * angle.cos(),
            cy + r * angle.sin(),
            cx + r * next.cos(),
            cy + r * next.sin(),
        );
        let large = i32::from(share > 0.5);
        let colour = COLOURS[i % COLOURS.len()];
        if share >= 0.9999 {
            out.push_str(&format!(
                r#"<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colour}"/>"#
            ));
        } else if share > 0.0 {
            out.push_str(&format!(
                r#"<path d="M{cx},{cy} L{x1:.2},{y1:.2} A{r},{r} 0 {large} 1 {x2:.2},{y2:.2} Z" fill="{colour}"><title>{}: {} ({:.1}%)</title></path>"#,
                escape(label),
                full(*v),
                share * 100.0
            ));
        }
        let y = top + 40.0 + 24.0 * i as f64;
        out.push_str(&format!(r#"<rect x="330" y="{y:.1}" width="12" height="12" fill="{colour}"/><text class="legend" x="348" y="{:.1}" font-size="{FONT}">{} — {} ({:.1}%)</text>"#, y + 11.0, escape(label), full(*v), share * 100.0));
        angle = next;
    }
    out.push_str(&format!(
        r##"<circle cx="{cx}" cy="{cy}" r="{}" fill="#fff"/></svg>"##,
        r * 0.5
    ));
    out
}

/// The chart's opening tag, title and description. It is drawn at its own size (the page
/// scrolls it sideways on a narrow screen), so its text is never shrunk below [`FONT`].
fn header(head: &Head, w: f64, h: f64, desc: &str) -> String {
    let id = &head.id;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h:.0}" width="{w}" height="{h:.0}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="sans-serif"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(head.title),
        escape(desc)
    )
}

/// One swatch and name per series, each as wide as its name needs.
fn legend(series: &[Series], x: f64, y: f64) -> String {
    let mut x = x;
    let mut out = String::new();
    for (k, s) in series.iter().enumerate() {
        out.push_str(&format!(r#"<rect x="{x:.1}" y="{}" width="12" height="12" fill="{}"/><text class="legend" x="{:.1}" y="{y}" font-size="{FONT}">{}</text>"#, y - 11.0, COLOURS[k % COLOURS.len()], x + 16.0, escape(&s.name)));
        x += 16.0 + width_em(&s.name) * FONT + 24.0;
    }
    out
}

/// The chart's data in words, for screen readers.
fn describe(labels: &[String], series: &[Series]) -> String {
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let values: Vec<String> = series
                .iter()
                .map(|s| {
                    let v = full(s.values.get(i).copied().unwrap_or(0.0));
                    if s.name.is_empty() {
                        v
                    } else {
                        format!("{} {v}", s.name)
                    }
                })
                .collect();
            format!("{l}: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(locale: &str) -> Head<'_> {
        Head {
            title: "t",
            caption: None,
            id: "c1",
            locale,
        }
    }

    #[test]
    fn bars_scale_to_a_round_axis_above_the_largest_value() {
        let svg = bars(
            &head("en"),
            &["A".into(), "B".into()],
            &[Series {
                name: "x".into(),
                values: vec![50.0, 100.0],
            }],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        // The axis goes to 100 in steps of 25; the plot is 232 high: B fills it, A half of it.
        assert!(
            svg.contains(r##"height="232.0" fill="#0b4f8a"><title>B x: 100</title>"##),
            "{svg}"
        );
        assert!(
            svg.contains(r##"height="116.0" fill="#0b4f8a"><title>A x: 50</title>"##),
            "{svg}"
        );
        assert!(svg.contains(r#"<desc id="c1-desc">A: x 50; B: x 100</desc>"#));
    }

    #[test]
    fn axis_values_are_short_in_wan_for_chinese_and_k_for_english() {
        assert_eq!(short(240_000.0, "zh-Hant"), "24萬");
        assert_eq!(short(60_000.0, "zh-Hans"), "6万");
        assert_eq!(short(125_000.0, "zh-Hant"), "12.5萬");
        assert_eq!(short(300_000_000.0, "zh-Hant"), "3億");
        assert_eq!(short(240_000.0, "en"), "240k");
        assert_eq!(short(2_500_000.0, "en"), "2.5M");
        assert_eq!(short(9.0, "zh-Hant"), "9");
        assert_eq!(nice_step(237_500.0), 60_000.0);
        assert_eq!(nice_step(9.0), 2.5);
    }

    #[test]
    fn long_labels_wrap_within_their_group_and_are_cut_beyond_three_lines() {
        let (lines, cut) = wrap("辦公及行政費用", 4.0 * FONT);
        assert_eq!(lines, ["辦公及行", "政費用"]);
        assert!(!cut);
        let (lines, cut) = wrap("一二三四五六七八九十", 3.0 * FONT);
        assert_eq!(lines, ["一二三", "四五六", "七八…"]);
        assert!(cut);
        let svg = bars(
            &head("zh-Hant"),
            &["人員經費".into(), "一二三四五六七八九十".repeat(8)],
            &[Series {
                name: "預算".into(),
                values: vec![240_000.0, 10.0],
            }],
        );
        assert!(svg.contains(">24萬</text>"), "{svg}");
        assert!(
            svg.contains(&format!(
                "<title>{}</title>",
                "一二三四五六七八九十".repeat(8)
            )),
            "a cut label keeps its whole text: {svg}"
        );
        assert!(
            svg.contains("<title>人員經費 預算: 240,000</title>"),
            "{svg}"
        );
    }

    #[test]
    fn ring_shares_add_up_and_text_is_escaped() {
        let svg = ring(
            &Head {
                title: "<t>",
                caption: None,
                id: "r",
                locale: "en",
            },
            &["a&b".into(), "c".into()],
            &[1.0, 3.0],
        );
        assert!(
            svg.contains("a&amp;b — 1 (25.0%)") && svg.contains("c — 3 (75.0%)"),
            "{svg}"
        );
        assert!(svg.contains(r#"<title id="r-title">&lt;t&gt;</title>"#));
    }

    #[test]
    fn a_split_ring_draws_its_heading_above_the_ring_as_bars_do() {
        let split = |caption| Head {
            title: "t",
            caption,
            id: "r",
            locale: "zh-Hant",
        };
        let labels = ["會費".to_string(), "捐贈".to_string()];
        let plain = ring(&split(None), &labels, &[1.0, 3.0]);
        assert!(!plain.contains(r#"class="caption""#), "{plain}");
        let heading =
            r#"<text class="caption" x="0" y="14" font-size="16.1" font-weight="700">收入</text>"#;
        let svg = ring(&split(Some("收入")), &labels, &[1.0, 3.0]);
        assert!(svg.contains(heading), "{svg}");
        let bar = bars(
            &split(Some("收入")),
            &labels,
            &[Series {
                name: "x".into(),
                values: vec![1.0, 3.0],
            }],
        );
        assert!(bar.contains(heading), "{bar}");
        // The ring and its legend move down by the heading's room, and the chart grows with them.
        assert!(plain.contains(r#"height="320" role"#), "{plain}");
        assert!(svg.contains(r#"height="342" role"#), "{svg}");
        assert!(
            plain.contains(r#"<circle cx="160" cy="160" r="60""#),
            "{plain}"
        );
        assert!(
            svg.contains(r#"<circle cx="160" cy="182.4" r="60""#),
            "{svg}"
        );
        assert!(plain.contains(r#"<rect x="330" y="40.0" "#), "{plain}");
        assert!(svg.contains(r#"<rect x="330" y="62.4" "#), "{svg}");
    }
}
