//! The command line: `gloss annotate [--date YYYY-MM-DD] [FILE]` prints the export document;
//! `gloss annotate --jsonl` turns one `{"id", "text", "referenceDate"}` object a line into one
//! document a line, in order, with the id copied. Errors go to stderr with a non-zero exit.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use serde_json::Value;

const USAGE: &str = "usage: gloss annotate [--date YYYY-MM-DD] [--to FORMAT] [FILE]\n       gloss annotate --jsonl [--date YYYY-MM-DD] [--threads N] < input.jsonl\n       gloss convert --from FORMAT --to FORMAT [--text TEXT_FILE] [FILE]\n       gloss rules [--json]\n\nPrints the gloss JSON document (annotation-guidelines.md), or FORMAT. With --jsonl, reads one\n{\"id\", \"text\", \"referenceDate\"} object a line and writes one document a line.\nFormats: gloss, jsonl, w3c, doccano, labelstudio, prodigy, brat, conll, csv (read: gloss, jsonl,\nw3c, doccano, labelstudio, brat). w3c and brat files hold no text: give it with --text, or\nkeep the brat .txt beside the .ann.";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("gloss: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut it = args.into_iter();
    match it.next().as_deref() {
        Some("annotate") => {}
        Some("train") => return train(it.collect()),
        Some("convert") => return convert(it.collect()),
        Some("rules") => return rules(it.collect()),
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
        None => return Err(USAGE.to_string()),
    }
    let (mut date, mut jsonl, mut to, mut threads) = (None, false, None, 0usize);
    let Some(file) = options(it.collect(), |name, value| {
        match name {
            "--date" => date = Some(value()?),
            "--jsonl" => jsonl = true,
            "--threads" => threads = value()?.parse().map_err(|e| format!("--threads: {e}"))?,
            "--to" => to = Some(gloss::format::Format::parse(&value()?).map_err(|e| e.to_string())?),
            _ => return Ok(false),
        }
        Ok(true)
    })?
    else {
        return Ok(());
    };
    // The reference date, parsed once: a bad one stops here, before any reading.
    let reference = gloss::text::calendar::parse_reference(date.as_deref()).map_err(|e| format!("--date: {e}"))?;
    let out = io::stdout().lock();
    let mut out = BufWriter::new(out);
    if jsonl && to.is_some() {
        return Err("--to works on one document; for a collection, `gloss annotate --jsonl` then `gloss convert --from jsonl --to FORMAT`".into());
    }
    if jsonl {
        let (input, size): (Box<dyn BufRead>, Option<u64>) = match &file {
            Some(f) if f != "-" => {
                let h = std::fs::File::open(f).map_err(|e| format!("{f}: {e}"))?;
                let size = h.metadata().ok().map(|m| m.len());
                (Box::new(io::BufReader::new(h)), size)
            }
            _ => (Box::new(io::stdin().lock()), None),
        };
        batch(input, size, &mut out, date.as_deref(), threads)?;
    } else {
        let mut bytes = Vec::new();
        match &file {
            Some(f) if f != "-" => bytes = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?,
            _ => {
                io::stdin().read_to_end(&mut bytes).map_err(|e| format!("standard input: {e}"))?;
            }
        }
        let name = file.as_deref().unwrap_or("standard input");
        let text = String::from_utf8(bytes).map_err(|e| format!("{name} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))?;
        let doc = gloss::annotate_dated(text, reference);
        match to {
            Some(f) => out.write_all(gloss::format::serialize(f, &[gloss::format::Named::new(doc)]).map_err(|e| e.to_string())?.as_bytes()).map_err(|e| e.to_string())?,
            None => {
                serde_json::to_writer_pretty(&mut out, &gloss::format::gloss::export(&doc)).map_err(|e| e.to_string())?;
                out.write_all(b"\n").map_err(|e| e.to_string())?;
            }
        }
    }
    out.flush().map_err(|e| e.to_string())
}

/// Reads a command's arguments: each option (`--name value`, `--name=value` or a flag) is
/// offered to `option`, which takes it (asking `value()` for its value) or says it does not know
/// it; anything else is the one FILE. `None` after `--help` (the usage is printed).
fn options(args: Vec<String>, mut option: impl FnMut(&str, &mut dyn FnMut() -> Result<String, String>) -> Result<bool, String>) -> Result<Option<Option<String>>, String> {
    let mut it = args.into_iter();
    let mut file = None;
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            s if s.starts_with('-') && s != "-" => {
                let (name, mut inline) = match s.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (s.to_string(), None),
                };
                let mut value = || inline.take().or_else(|| it.next()).ok_or_else(|| format!("{name} needs a value"));
                if !option(&name, &mut value)? {
                    return Err(format!("unknown option {s:?}\n{USAGE}"));
                }
            }
            s => {
                if file.replace(s.to_string()).is_some() {
                    return Err("give at most one FILE".into());
                }
            }
        }
    }
    Ok(Some(file))
}

fn read_text_file(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("{path} is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// `gloss convert --from FORMAT --to FORMAT [--text TEXT_FILE] [FILE]`
fn convert(args: Vec<String>) -> Result<(), String> {
    use gloss::format::{Format, deserialize, serialize};
    let (mut from, mut to, mut text) = (None, None, None);
    let Some(file) = options(args, |name, value| {
        match name {
            "--from" => from = Some(Format::parse(&value()?).map_err(|e| format!("--from: {e}"))?),
            "--to" => to = Some(Format::parse(&value()?).map_err(|e| format!("--to: {e}"))?),
            "--text" => text = Some(value()?),
            _ => return Ok(false),
        }
        Ok(true)
    })?
    else {
        return Ok(());
    };
    let from = from.ok_or("--from FORMAT is required")?;
    let to = to.ok_or("--to FORMAT is required")?;
    let input = match file.as_deref() {
        Some(f) if f != "-" => read_text_file(f)?,
        _ => {
            let mut s = String::new();
            io::stdin().read_to_string(&mut s).map_err(|e| format!("standard input: {e}"))?;
            s
        }
    };
    // brat keeps its text in the .txt beside the .ann.
    let text = match (text, from, file.as_deref()) {
        (Some(t), _, _) => Some(read_text_file(&t)?),
        (None, Format::Brat, Some(f)) if f.ends_with(".ann") => {
            let txt = format!("{}.txt", &f[..f.len() - 4]);
            Some(read_text_file(&txt).map_err(|e| format!("{e} (the text of a brat file; or give --text)"))?)
        }
        _ => None,
    };
    let name = file.as_deref().unwrap_or("standard input");
    let docs = deserialize(from, &input, text.as_deref()).map_err(|e| format!("{name}: {e}"))?;
    let out = serialize(to, &docs).map_err(|e| e.to_string())?;
    io::stdout().lock().write_all(out.as_bytes()).map_err(|e| e.to_string())
}

/// One line of `--jsonl` input annotated: the output line, or a warning and the line.
fn annotate_line(n: usize, line: &str, date: Option<&str>) -> Result<(String, Option<String>), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("line {n}: not JSON: {e}"))?;
    let text = v.get("text").and_then(Value::as_str).ok_or_else(|| format!("line {n}: no \"text\" string"))?;
    let reference = match v.get("referenceDate") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Null) | None => date,
        Some(other) => return Err(format!("line {n}: referenceDate must be a string or null, not {other}")),
    };
    let (doc, warning) = match gloss::annotate(text, reference) {
        Ok(doc) => (doc, None),
        // One bad date must not stop a batch: say so and use the text's dateline.
        Err(e) => (gloss::annotate(text, None).map_err(|e| e.to_string())?, Some(format!("gloss: line {n}: referenceDate ignored: {e}"))),
    };
    let mut export = gloss::format::gloss::export(&doc);
    export.id = v.get("id").cloned();
    Ok((serde_json::to_string(&export).map_err(|e| e.to_string())?, warning))
}

/// `annotate --jsonl`: reads lines in batches of about 4 MB, annotates each batch on every core
/// (or `threads`), writes the results in input order, then reads on: memory stays bounded
/// however long the input. On a terminal, a progress bar on stderr.
fn batch(mut input: Box<dyn BufRead>, size: Option<u64>, out: &mut impl Write, date: Option<&str>, threads: usize) -> Result<(), String> {
    use rayon::prelude::*;
    use std::io::IsTerminal;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?;
    let bar = if io::stderr().is_terminal() {
        let b = match size {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        b.set_style(indicatif::ProgressStyle::with_template("{spinner} {bytes}/{total_bytes} {bar:30} {per_sec} eta {eta}").unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()));
        Some(b)
    } else {
        None
    };
    const BATCH_BYTES: usize = 4 << 20;
    let mut n = 0usize;
    loop {
        let mut lines: Vec<(usize, String)> = Vec::new();
        let mut bytes = 0usize;
        while bytes < BATCH_BYTES {
            let mut line = String::new();
            let read = input.read_line(&mut line).map_err(|e| format!("line {}: {e}", n + 1))?;
            if read == 0 {
                break;
            }
            n += 1;
            bytes += read;
            if !line.trim().is_empty() {
                lines.push((n, line));
            }
        }
        if lines.is_empty() && bytes == 0 {
            break;
        }
        let results: Vec<Result<(String, Option<String>), String>> = pool.install(|| lines.par_iter().map(|(k, l)| annotate_line(*k, l, date)).collect());
        for r in results {
            let (json, warning) = r?;
            if let Some(w) = warning {
                match &bar {
                    Some(b) => b.println(w),
                    None => eprintln!("{w}"),
                }
            }
            out.write_all(json.as_bytes()).map_err(|e| e.to_string())?;
            out.write_all(b"\n").map_err(|e| e.to_string())?;
        }
        if let Some(b) = &bar {
            b.inc(bytes as u64);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(())
}

/// `gloss rules [--json]`: every rule with its description and how many examples it carries (the
/// examples themselves with `--json`).
fn rules(args: Vec<String>) -> Result<(), String> {
    let json = match args.as_slice() {
        [] => false,
        [a] if a == "--json" => true,
        _ => return Err(format!("usage: gloss rules [--json]\n{USAGE}")),
    };
    let all = gloss::recognize::catalogue::all();
    let mut out = io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &all).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    } else {
        let width = all.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for r in &all {
            writeln!(out, "{:width$}  {:>2} example{}  {}", r.id, r.examples.len(), if r.examples.len() == 1 { " " } else { "s" }, r.description).map_err(|e| e.to_string())?;
        }
        let n: usize = all.iter().map(|r| r.examples.len()).sum();
        writeln!(out, "{} rules, {n} examples", all.len()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `gloss train --data TRAIN.jsonl --out data/tagger.bin [--dev DEV.jsonl] [--epochs N]`
fn train(args: Vec<String>) -> Result<(), String> {
    let (mut data, mut out, mut dev, mut epochs) = (None, None, None, 12usize);
    let file = options(args, |name, value| {
        match name {
            "--data" => data = Some(value()?),
            "--out" => out = Some(value()?),
            "--dev" => dev = Some(value()?),
            "--epochs" => epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    match file {
        None => return Ok(()),
        Some(Some(f)) => return Err(format!("train reads no FILE ({f:?}): give --data")),
        Some(None) => {}
    }
    let data = data.ok_or("--data TRAIN.jsonl is required")?;
    let out = out.ok_or("--out FILE is required")?;
    let read = |p: &str| std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
    let train_text = read(&data)?;
    let examples = gloss::recognize::tagger::train::examples(&train_text)?;
    let dev_examples = match &dev {
        Some(d) => Some(gloss::recognize::tagger::train::examples(&read(d)?)?),
        None => None,
    };
    eprintln!("training on {} sentences for {epochs} epochs", examples.len());
    let bytes = gloss::recognize::tagger::train::train(examples, epochs, dev_examples.as_deref(), |m| eprintln!("{m}"));
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    let meta = format!("{out}.sum");
    std::fs::write(&meta, gloss::recognize::tagger::checksum_line(train_text.as_bytes(), &bytes)).map_err(|e| format!("{meta}: {e}"))?;
    eprintln!("wrote {out} ({} bytes) and {meta}", bytes.len());
    Ok(())
}
