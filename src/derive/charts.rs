//! Charts as inline SVG — no JavaScript, readable by screen readers (`role="img"`, a title and a
//! description), printable.

/// One series of values, drawn in one colour.
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

const COLOURS: &[&str] = &[
    "#0b4f8a", "#c2571a", "#2e7d32", "#6a1b9a", "#8d6e00", "#00838f", "#ad1457", "#455a64",
];

/// Text in an SVG element or attribute.
fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    html_escape::encode_double_quoted_attribute(s)
}

fn short(x: f64) -> String {
    if x.abs() >= 10_000.0 {
        format!("{:.0}k", x / 1000.0)
    } else if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

/// A grouped bar chart: one group per label, one bar per series.
pub fn bars(title: &str, labels: &[String], series: &[Series]) -> String {
    let (w, h, left, bottom, top) = (720.0, 320.0, 56.0, 64.0, 24.0);
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let plot_w = w - left - 16.0;
    let plot_h = h - bottom - top;
    let group = plot_w / labels.len().max(1) as f64;
    let bar = (group * 0.8) / series.len().max(1) as f64;
    let mut out = header(title, w, h, &describe(labels, series));
    for i in 0..=4 {
        let v = max * i as f64 / 4.0;
        let y = top + plot_h - plot_h * i as f64 / 4.0;
        out.push_str(&format!(r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" text-anchor="end" font-size="11">{}</text>"##, w - 16.0, left - 4.0, y + 4.0, short(v)));
    }
    for (g, label) in labels.iter().enumerate() {
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
                short(v)
            ));
        }
        out.push_str(&format!(
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11">{}</text>"#,
            x0 + group * 0.4,
            h - bottom + 16.0,
            escape(label)
        ));
    }
    out.push_str(&legend(series, left, h - 20.0));
    out.push_str("</svg>");
    out
}

/// A pie (as a ring): one slice per label, from the first series.
pub fn ring(title: &str, labels: &[String], values: &[f64]) -> String {
    let (w, h, cx, cy, r) = (720.0, 320.0, 160.0, 160.0, 120.0);
    let total: f64 = values
        .iter()
        .map(|v| v.max(0.0))
        .sum::<f64>()
        .max(f64::MIN_POSITIVE);
    let series = [Series {
        name: String::new(),
        values: values.to_vec(),
    }];
    let mut out = header(title, w, h, &describe(labels, &series));
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
                short(*v),
                share * 100.0
            ));
        }
        out.push_str(&format!(r#"<rect x="330" y="{}" width="12" height="12" fill="{colour}"/><text x="348" y="{}" font-size="13">{} — {} ({:.1}%)</text>"#, 40 + i * 22, 51 + i * 22, escape(label), short(*v), share * 100.0));
        angle = next;
    }
    out.push_str(&format!(
        r##"<circle cx="{cx}" cy="{cy}" r="{}" fill="#fff"/></svg>"##,
        r * 0.5
    ));
    out
}

fn header(title: &str, w: f64, h: f64, desc: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif"><title id="chart-title">{}</title><desc id="chart-desc">{}</desc>"#,
        escape(title),
        escape(desc)
    )
}

fn legend(series: &[Series], x: f64, y: f64) -> String {
    series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let x = x + 140.0 * k as f64;
            format!(r#"<rect x="{x}" y="{}" width="12" height="12" fill="{}"/><text x="{}" y="{}" font-size="12">{}</text>"#, y - 10.0, COLOURS[k % COLOURS.len()], x + 16.0, y, escape(&s.name))
        })
        .collect()
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
                    format!(
                        "{} {}",
                        s.name,
                        short(s.values.get(i).copied().unwrap_or(0.0))
                    )
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

    #[test]
    fn bars_scale_to_the_largest_value() {
        let svg = bars(
            "t",
            &["A".into(), "B".into()],
            &[Series {
                name: "x".into(),
                values: vec![50.0, 100.0],
            }],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        // Plot height is 320 - 64 - 24 = 232: B fills it, A half of it.
        assert!(
            svg.contains(r##"height="232.0" fill="#0b4f8a"><title>B x: 100</title>"##),
            "{svg}"
        );
        assert!(
            svg.contains(r##"height="116.0" fill="#0b4f8a"><title>A x: 50</title>"##),
            "{svg}"
        );
        assert!(svg.contains("<desc id=\"chart-desc\">A: x 50; B: x 100</desc>"));
    }

    #[test]
    fn ring_shares_add_up_and_text_is_escaped() {
        let svg = ring("<t>", &["a&b".into(), "c".into()], &[1.0, 3.0]);
        assert!(
            svg.contains("a&amp;b — 1 (25.0%)") && svg.contains("c — 3 (75.0%)"),
            "{svg}"
        );
        assert!(svg.contains("<title id=\"chart-title\">&lt;t&gt;</title>"));
    }
}
