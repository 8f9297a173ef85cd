//! The one table of tunables: every command-line setting with its default
//! and documentation. The flags, `--help` and `docs/TUNABLES.md` are all
//! generated from `TUNABLES`.

/// What kind of value a tunable takes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A switch (`--flag`).
    Flag,
    /// An unsigned number (`--name N`).
    Number,
    /// A word or list (`--name VALUE`).
    Text,
}

/// One tunable.
pub struct Tunable {
    pub name: &'static str,
    pub kind: Kind,
    /// Default as text ("" for switches and empty lists).
    pub default: &'static str,
    pub doc: &'static str,
}

/// Every tunable Strata has.
pub const TUNABLES: &[Tunable] = &[
    Tunable {
        name: "max-tier",
        kind: Kind::Number,
        default: "2",
        doc: "Highest tier that may run: 0 interpreter only, 1 baseline JIT, 2 LLVM.",
    },
    Tunable {
        name: "tier1-threshold",
        kind: Kind::Number,
        default: "200",
        doc: "Calls or loop back edges before tier 1 compiles a function or loop.",
    },
    Tunable {
        name: "tier2-threshold",
        kind: Kind::Number,
        default: "5000",
        doc: "Calls or loop back edges before tier 2 compiles a function or loop.",
    },
    Tunable {
        name: "tier2-exit-budget",
        kind: Kind::Number,
        default: "1000",
        doc: "Guard exits after which tier-2 code is retired and recompiled from the newer profile.",
    },
    Tunable {
        name: "tier2-max-compiles",
        kind: Kind::Number,
        default: "3",
        doc: "Tier-2 compiles of one function or loop before it stays at the tier below.",
    },
    Tunable {
        name: "tier2-widen-after",
        kind: Kind::Number,
        default: "2",
        doc: "Retirements caused by one guard before its instruction is compiled generically (0: never).",
    },
    Tunable {
        name: "jit-sync",
        kind: Kind::Flag,
        default: "",
        doc: "Compile tier-2 code on the main thread and wait for it (deterministic).",
    },
    Tunable {
        name: "jit-threads",
        kind: Kind::Number,
        default: "0",
        doc: "Tier-2 worker threads (0: cores - 1, at least 1).",
    },
    Tunable {
        name: "opt-level",
        kind: Kind::Text,
        default: "O2",
        doc: "LLVM pipeline for tier-2 code: O1 (SSA and local clean-up), O2 (also loop-invariant code motion, GVN and dead stores) or O3 (LLVM's default<O3>).",
    },
    Tunable {
        name: "log",
        kind: Kind::Text,
        default: "",
        doc: "Log events to stderr, one line each: comma-separated compile, osr, deopt, invalidate.",
    },
    Tunable {
        name: "deopt-every",
        kind: Kind::Number,
        default: "0",
        doc: "Stress: every Nth guard check in tier-2 code fails and resumes the interpreter (0: off).",
    },
    Tunable {
        name: "osr-every-backedge",
        kind: Kind::Flag,
        default: "",
        doc: "Stress: tier-2 loop code leaves at every back edge and is re-entered by OSR.",
    },
    Tunable {
        name: "tier2-compile-all",
        kind: Kind::Flag,
        default: "",
        doc: "Stress: tier 2 compiles every hot region, even those its cost model would leave to the interpreter (too many interpreter steps).",
    },
    Tunable {
        name: "jit-delay-ms",
        kind: Kind::Number,
        default: "0",
        doc: "Stress: each background tier-2 compile waits this long before it may be installed.",
    },
    Tunable {
        name: "gc-stress",
        kind: Kind::Flag,
        default: "",
        doc: "Collect garbage at every safepoint after any allocation (slow; finds rooting bugs).",
    },
    Tunable {
        name: "dump",
        kind: Kind::Text,
        default: "",
        doc: "Compiler output: bytecode (print it and exit), or mir and/or llvm-ir (to stderr as each tier-2 region compiles; comma-separated).",
    },
    Tunable {
        name: "emit-aarch64",
        kind: Kind::Text,
        default: "",
        doc: "Run in the interpreter only, and write each region tier 2 would compile (hot at --tier2-threshold) as an AArch64 object DIR/<qualname>.o with its MIR (.mir), plus the C header DIR/strata_regions.h (frame layout, NaN-boxing, exits, helpers).",
    },
    Tunable {
        name: "stats",
        kind: Kind::Flag,
        default: "",
        doc: "Print run statistics as JSON to stderr at exit.",
    },
];

/// Markdown documentation of the table (for docs/TUNABLES.md).
pub fn markdown() -> String {
    let mut s = String::from("# Tunables\n\nGenerated from `src/tunables.rs` (`strata --help-tunables-md`).\n\n| flag | default | meaning |\n|---|---|---|\n");
    for t in TUNABLES {
        let flag = match t.kind {
            Kind::Flag => format!("`--{}`", t.name),
            Kind::Number => format!("`--{} N`", t.name),
            Kind::Text => format!("`--{} VALUE`", t.name),
        };
        s.push_str(&format!(
            "| {} | {} | {} |\n",
            flag,
            if t.default.is_empty() {
                "—"
            } else {
                t.default
            },
            t.doc
        ));
    }
    s
}
