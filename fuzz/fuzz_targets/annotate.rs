//! Any text: annotating, exporting, re-importing and building the page's view never panic,
//! and every document is sound (`Document::check`) with export offsets that match the quotes.
#![no_main]
use gloss::text::offset::Unit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(&data[..data.len().min(1 << 16)]);
    let doc = gloss::annotate(&text, Some("2025-07-20")).unwrap();
    doc.check().unwrap();
    let json = gloss::format::gloss::to_json(&doc);
    let exported: serde_json::Value = serde_json::from_str(&json).unwrap();
    for a in exported["annotations"].as_array().unwrap() {
        let (s, e) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
        let quote: String = text.chars().skip(s).take(e - s).collect();
        assert_eq!(a["quote"].as_str().unwrap(), quote);
    }
    let back = gloss::format::gloss::parse(&json).unwrap();
    back.check().unwrap();
    let _ = serde_json::to_string(&gloss::view::view(&doc)).unwrap();
    for a in doc.annotations() {
        let u = doc.offsets().from_byte(a.start, Unit::Utf16);
        assert_eq!(doc.offsets().to_byte(u, Unit::Utf16).unwrap(), a.start);
    }
});
