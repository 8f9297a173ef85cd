//! Profile snapshots: the counters and cache states the interpreter keeps
//! per code object, copied into plain data (`Send`, no heap values) that a
//! compiling tier may read on another thread.

use runtime::bytecode::Op;
use runtime::gc::Gc;
use runtime::object::cache::{TYPE_FLOAT, TYPE_INT};
use runtime::object::{Cache, Code};

/// What the interpreter learned at one attribute or method site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SiteProfile {
    /// Monomorphic instance slot access at this slot index.
    Slot { slot: u32 },
    /// Monomorphic attribute addition (shape transition).
    Add,
    /// Monomorphic method load.
    Method,
    /// A polymorphic site: one profile per receiver kind it caches.
    Poly(Vec<SiteProfile>),
    /// Too many guard failures: megamorphic.
    Megamorphic,
}

/// Plain-data copy of a code object's profile.
#[derive(Clone, Debug, Default)]
pub struct ProfileSnapshot {
    pub qualname: String,
    /// Times the code was entered.
    pub calls: u64,
    /// `(pc of the back edge, loop iterations)`.
    pub back_edges: Vec<(u32, u64)>,
    /// `(pc of the conditional jump, taken, not taken)`.
    pub branches: Vec<(u32, u32, u32)>,
    /// `(pc, what the site saw)` for quickened or megamorphic sites.
    pub sites: Vec<(u32, Op, SiteProfile)>,
    /// `(pc, current opcode, operand type bits)` for arithmetic and
    /// comparison sites that ran (`runtime::object::cache::TYPE_*`); a
    /// quickened opcode implies its type.
    pub types: Vec<(u32, Op, u8)>,
}

/// Copies the profile of `code`.
pub fn snapshot(code: Gc<Code>) -> ProfileSnapshot {
    let mut s = ProfileSnapshot {
        qualname: code.qualname.as_str().to_string(),
        calls: code.calls.get(),
        ..Default::default()
    };
    let insns = code.insns.get();
    for (pc, (&bits, insn)) in code.types.get().iter().zip(insns.iter()).enumerate() {
        let op = insn.op();
        let implied = match op {
            Op::AddInt
            | Op::SubInt
            | Op::MulInt
            | Op::LtInt
            | Op::LeInt
            | Op::EqInt
            | Op::NeInt
            | Op::GtInt
            | Op::GeInt => TYPE_INT,
            Op::AddFloat
            | Op::SubFloat
            | Op::MulFloat
            | Op::TrueDivFloat
            | Op::LtFloat
            | Op::LeFloat
            | Op::EqFloat
            | Op::NeFloat
            | Op::GtFloat
            | Op::GeFloat => TYPE_FLOAT,
            _ => 0,
        };
        if bits | implied != 0 {
            s.types.push((pc as u32, op, bits | implied));
        }
    }
    for (pc, c) in code.caches.get().iter().enumerate() {
        let op = insns[pc].op();
        let pc = pc as u32;
        match c {
            Cache::Count(n) => s.back_edges.push((pc, *n)),
            Cache::Branch { taken, not_taken } => s.branches.push((pc, *taken, *not_taken)),
            Cache::Empty => {}
            c => {
                if let Some(p) = site_profile(c) {
                    s.sites.push((pc, op, p));
                }
            }
        }
    }
    s
}

fn site_profile(c: &Cache) -> Option<SiteProfile> {
    Some(match c {
        Cache::Slot { slot, .. } => SiteProfile::Slot { slot: *slot },
        Cache::Add { .. } => SiteProfile::Add,
        Cache::Method { .. } => SiteProfile::Method,
        Cache::Megamorphic => SiteProfile::Megamorphic,
        Cache::Poly(entries) => {
            SiteProfile::Poly(entries.iter().filter_map(site_profile).collect())
        }
        Cache::Empty | Cache::Count(_) | Cache::Branch { .. } => return None,
    })
}

// The snapshot crosses threads; keep it free of heap values.
const _: fn() = || {
    fn is_send<T: Send>() {}
    is_send::<ProfileSnapshot>();
};
