//! A small inline SVG bar chart (articles per month), drawn server-side.
//! Inline SVG elements are markup, not images or scripts, so the strict
//! CSP allows them; colours come from the stylesheet (no style attributes).

use maud::{html, Markup};

/// Bars for `(label, count)` in order; labels shown for the first, last
/// and every `label_every`-th bar.
pub fn bars(series: &[(String, usize)], width: u32, height: u32) -> Markup {
    let max = series.iter().map(|s| s.1).max().unwrap_or(0).max(1);
    let n = series.len().max(1) as f64;
    // Bars at most 48 px wide: a short series stays a small chart.
    let width = width.min((n as u32).saturating_mul(48).max(160));
    let plot_h = f64::from(height) - 20.0;
    let plot_h = plot_h.max(10.0);
    let bw = f64::from(width) / n;
    let label_every = (series.len() / 8).max(1);
    html! {
        svg.plot xmlns="http://www.w3.org/2000/svg" width=(width) height=(height)
            viewBox={ "0 0 " (width) " " (height) } role="img" aria-label="Articles per month" {
            @for (i, (label, count)) in series.iter().enumerate() {
                @let h = plot_h * (*count as f64) / (max as f64);
                @let x = bw * i as f64;
                rect.bar x=(format!("{:.1}", x + 1.0)) y=(format!("{:.1}", plot_h - h))
                    width=(format!("{:.1}", (bw - 2.0).max(1.0))) height=(format!("{:.1}", h)) {
                    title { (label) ": " (count) }
                }
                @if *count > 0 {
                    text.count x=(format!("{:.1}", x + bw / 2.0)) y=(format!("{:.1}", (plot_h - h - 3.0).max(10.0))) { (count) }
                }
                @if i == 0 || i + 1 == series.len() || i % label_every == 0 {
                    text.axis x=(format!("{:.1}", x + 1.0)) y=(height - 4) { (label) }
                }
            }
        }
    }
}

/// Month keys `YYYY-MM` from `first` to `last` inclusive (bounded to 1200).
pub fn months_between(first: &str, last: &str) -> Vec<String> {
    let parse = |s: &str| -> Option<(i32, u32)> {
        Some((
            s.get(..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?,
        ))
    };
    let (Some((mut y, mut m)), Some(end)) = (parse(first), parse(last)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while (y, m) <= end && out.len() < 1200 {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m == 13 {
            m = 1;
            y += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        assert_eq!(
            months_between("2024-11", "2025-02"),
            ["2024-11", "2024-12", "2025-01", "2025-02"]
        );
        assert!(months_between("x", "2025-01").is_empty());
        let svg = bars(&[("2025-01".into(), 2), ("<b>".into(), 0)], 300, 100).into_string();
        assert!(svg.contains("&lt;b&gt;") && svg.starts_with("<svg"));
    }
}
