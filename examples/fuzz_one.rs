//! Runs one fuzz entry point on one file (to reproduce a finding outside cargo fuzz):
//!   cargo run --example fuzz_one -- TARGET FILE
fn main() {
    let mut args = std::env::args().skip(1);
    let (target, file) = (
        args.next().unwrap_or_default(),
        args.next().unwrap_or_default(),
    );
    let data = std::fs::read(&file).unwrap_or_default();
    match target.as_str() {
        "frontmatter" => clerk::fuzz::frontmatter(&data),
        "record" => clerk::fuzz::record(&data),
        "signature" => clerk::fuzz::signature(&data),
        "expression" => clerk::fuzz::expression(&data),
        other => eprintln!("unknown target {other}"),
    }
}
