//! Formatting uncaught exceptions the way CPython's default hook prints
//! them: chained causes and contexts, `Traceback (most recent call last):`,
//! one `File "...", line N, in name` entry per frame with its source line,
//! and `Type: message` last.

use super::{as_str, cast};
use crate::object::*;
use crate::thread::Thread;
use crate::value::Value;

/// The full text CPython would print to stderr for `exc`.
pub fn format_exception(t: &mut Thread, exc: Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(t, exc, &mut out, &mut seen);
    out
}

fn format_chain(t: &mut Thread, exc: Value, out: &mut String, seen: &mut Vec<u64>) {
    seen.push(exc.bits());
    let Some(inst) = cast::<Instance>(exc) else {
        out.push_str(&last_line(t, exc));
        out.push('\n');
        return;
    };
    let (cause, context, suppress) = match inst.exc.get() {
        Some(e) => (e.cause, e.context, e.suppress_context),
        None => (Value::NONE, Value::NONE, false),
    };
    if !cause.is_none() && !seen.contains(&cause.bits()) {
        format_chain(t, cause, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if !context.is_none() && !suppress && !seen.contains(&context.bits()) {
        format_chain(t, context, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    let tb: Vec<TbEntry> = inst
        .exc
        .get()
        .as_ref()
        .map(|e| e.traceback.clone())
        .unwrap_or_default();
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for e in tb.iter().rev() {
            let file = e.code.filename.as_str().to_string();
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                file,
                e.line,
                e.code.name.as_str()
            ));
            if let Some(src) = t.sources.get(&file) {
                if let Some(line) = src.lines().nth((e.line as usize).saturating_sub(1)) {
                    let l = line.trim();
                    if !l.is_empty() {
                        out.push_str(&format!("    {l}\n"));
                    }
                }
            }
        }
    }
    out.push_str(&last_line(t, exc));
    out.push('\n');
}

/// `Type: message` (or just `Type`), with the module prefix CPython adds
/// for classes outside `builtins` and `__main__`.
pub fn last_line(t: &mut Thread, exc: Value) -> String {
    let cls = t.class_of(exc);
    let module = as_str(cls.module.get())
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    let mut name = cls.qualname.get().as_str().to_string();
    if !module.is_empty() && module != "builtins" && module != "__main__" {
        name = format!("{module}.{name}");
    }
    let saved = t.exc;
    let msg = match super::repr::str_string(t, exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    t.exc = saved;
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// The innermost traceback line of an exception (for `unsupported` at run time).
pub fn innermost_location(exc: Value) -> Option<(String, u32)> {
    let inst = cast::<Instance>(exc)?;
    let e = inst.exc.get().as_ref()?;
    let tb = e.traceback.first()?;
    Some((tb.code.filename.as_str().to_string(), tb.line))
}
