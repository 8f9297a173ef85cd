//! MIR → LLVM IR (inkwell).
//!
//! Every register gets one stack slot per representation it takes (boxed
//! bits, int, float, bool); LLVM's mem2reg turns them into SSA values, so a
//! loop whose registers stay unboxed keeps them in machine registers. The
//! frame's registers are read on entry (live ones) and written at exits and
//! before each `Step` (runtime::jit invariant 1).
//!
//! Invariants:
//! 1. The lowering tracks each register's representation through a block
//!    exactly as `mir::build` assigned it (the same transitions), starting
//!    from the block's entry state.
//! 2. Boxing never allocates: ints are in the inline range (`Int` ops exit
//!    on leaving it) and floats are NaN-boxed (NaNs canonicalised).

use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::ContextRef;
use inkwell::module::{Linkage, Module};
use inkwell::types::{FloatType, IntType, PointerType};
use inkwell::values::{FunctionValue, IntValue, PointerValue};
use inkwell::{AddressSpace, FloatPredicate, IntPredicate};
use runtime::jit::{encode_exit, EXIT_RAISE, EXIT_RESUME, EXIT_RETURN};
use runtime::value::{CANON_NAN, TAG_BOOL, TAG_INT, TAG_NONE, TAG_OBJ};
use tier2_llvm::layout::{Layout, Stress};
use tier2_llvm::mir::*;

pub use tier2_llvm::helpers::{HELPER_EXIT, HELPER_OSR, HELPER_STEP};

/// A loop polls the heap every this many back edges (a power of two).
const POLL_EVERY: u64 = 128;

/// Branch weight of a guard's passing edge against 1 for its exit.
const GUARD_PASS_WEIGHT: u32 = 2000;

type R<T> = Result<T, String>;

fn e<E: std::fmt::Debug>(x: E) -> String {
    format!("LLVM builder: {x:?}")
}

struct Slots<'ctx> {
    bits: PointerValue<'ctx>,
    int: PointerValue<'ctx>,
    float: PointerValue<'ctx>,
    bool_: PointerValue<'ctx>,
}

struct Cx<'a, 'ctx> {
    b: Builder<'ctx>,
    f: FunctionValue<'ctx>,
    i64t: IntType<'ctx>,
    i32t: IntType<'ctx>,
    i1t: IntType<'ctx>,
    f64t: FloatType<'ctx>,
    ptrt: PointerType<'ctx>,
    thread: PointerValue<'ctx>,
    regs: PointerValue<'ctx>,
    slots: Vec<Slots<'ctx>>,
    blocks: Vec<BasicBlock<'ctx>>,
    exits: Vec<BasicBlock<'ctx>>,
    step_fn: FunctionValue<'ctx>,
    region: &'a Region,
    module: &'a Module<'ctx>,
    stress: Stress,
    object: Option<runtime::jit::ObjectLayout>,
    /// Address of the host's `--deopt-every` counter.
    deopt_counter: u64,
    /// Registers whose frame slot is up to date (`crate::clean`): at each
    /// block's entry, at each exit, and at the instruction being lowered.
    clean: crate::clean::Clean,
    clean_now: Vec<bool>,
    /// Back edges taken since entry (`Inst::Poll` asks every
    /// `POLL_EVERY`th time).
    poll_ctr: PointerValue<'ctx>,
}

/// Adds the function `name` for `region` to `module`.
pub fn lower<'ctx>(
    ctx: &ContextRef<'ctx>,
    module: &Module<'ctx>,
    region: &Region,
    name: &str,
    unit: u64,
    layout: &Layout,
    stress: Stress,
) -> R<()> {
    let i64t = ctx.i64_type();
    let i32t = ctx.i32_type();
    let ptrt = ctx.ptr_type(AddressSpace::default());
    let fn_ty = i64t.fn_type(&[ptrt.into(), ptrt.into()], false);
    let f = module.add_function(name, fn_ty, Some(Linkage::External));
    let step_ty = i32t.fn_type(&[ptrt.into(), ptrt.into(), i32t.into()], false);
    let step_fn = module.add_function(HELPER_STEP, step_ty, Some(Linkage::External));
    let exit_ty = ctx
        .void_type()
        .fn_type(&[ptrt.into(), i64t.into(), i32t.into()], false);
    let exit_fn = module.add_function(HELPER_EXIT, exit_ty, Some(Linkage::External));
    let b = ctx.create_builder();
    let entry = ctx.append_basic_block(f, "entry");
    b.position_at_end(entry);
    let thread = f.get_nth_param(0).ok_or("no param")?.into_pointer_value();
    let frame = f.get_nth_param(1).ok_or("no param")?.into_pointer_value();
    let i8t = ctx.i8_type();
    // SAFETY: a byte offset into the Frame, which is repr(C) (offset_of!).
    let regs_field = unsafe {
        b.build_in_bounds_gep(
            i8t,
            frame,
            &[i64t.const_int(layout.frame_regs, false)],
            "regs.addr",
        )
    }
    .map_err(e)?;
    let regs = b
        .build_load(ptrt, regs_field, "regs")
        .map_err(e)?
        .into_pointer_value();
    let poll_ctr = b.build_alloca(i64t, "poll").map_err(e)?;
    b.build_store(poll_ctr, i64t.const_zero()).map_err(e)?;
    let mut slots = Vec::with_capacity(region.nregs);
    for r in 0..region.nregs {
        slots.push(Slots {
            bits: b.build_alloca(i64t, &format!("v{r}")).map_err(e)?,
            int: b.build_alloca(i64t, &format!("i{r}")).map_err(e)?,
            float: b
                .build_alloca(ctx.f64_type(), &format!("f{r}"))
                .map_err(e)?,
            bool_: b
                .build_alloca(ctx.bool_type(), &format!("b{r}"))
                .map_err(e)?,
        });
    }
    let blocks: Vec<BasicBlock<'ctx>> = (0..region.blocks.len())
        .map(|k| ctx.append_basic_block(f, &format!("b{k}")))
        .collect();
    let exits: Vec<BasicBlock<'ctx>> = (0..region.exits.len())
        .map(|k| ctx.append_basic_block(f, &format!("e{k}")))
        .collect();
    let mut cx = Cx {
        b,
        f,
        i64t,
        i32t,
        i1t: ctx.bool_type(),
        f64t: ctx.f64_type(),
        ptrt,
        thread,
        regs,
        slots,
        blocks,
        exits,
        step_fn,
        region,
        module,
        stress,
        object: layout.object,
        deopt_counter: layout.deopt_counter,
        clean: crate::clean::analyse(region),
        clean_now: Vec::new(),
        poll_ctr,
    };
    // A loop region is entered by on-stack replacement: count it.
    if region.entry_pc != 0 {
        let osr_ty = ctx.void_type().fn_type(&[ptrt.into(), i64t.into()], false);
        let osr_fn = module.add_function(HELPER_OSR, osr_ty, Some(Linkage::External));
        cx.b.build_call(
            osr_fn,
            &[thread.into(), i64t.const_int(unit, false).into()],
            "",
        )
        .map_err(e)?;
    }
    // Entry: load the live registers.
    for (r, t) in region.blocks[region.entry].entry.iter().enumerate() {
        if *t != Ty::Dead {
            let v = cx.load_frame(r)?;
            cx.b.build_store(cx.slots[r].bits, v).map_err(e)?;
        }
    }
    cx.b.build_unconditional_branch(cx.blocks[region.entry])
        .map_err(e)?;
    for (k, blk) in region.blocks.iter().enumerate() {
        cx.b.position_at_end(cx.blocks[k]);
        cx.clean_now = cx.clean.at_block[k].clone();
        cx.block(blk, layout)?;
    }
    // Exits: write back, report, leave. An exit no branch reaches (its
    // check was proven away, e.g. a slot access on a checked instance) is
    // dropped rather than built for LLVM to delete.
    for (k, ex) in region.exits.iter().enumerate() {
        if cx.exits[k].get_first_use().is_none() {
            // SAFETY: the block has no uses and holds no instructions yet.
            unsafe { cx.exits[k].delete() }.map_err(|_| "deleting an unused exit block")?;
            continue;
        }
        cx.b.position_at_end(cx.exits[k]);
        let kind = match ex.kind {
            ExitKind::Resume if !ex.frames.is_empty() => {
                let clean = cx.clean_at_exit(k);
                cx.flush_inlined(ex, &clean)?;
                EXIT_RESUME
            }
            ExitKind::Resume => {
                let clean = cx.clean_at_exit(k);
                cx.flush(&ex.types, &clean)?;
                EXIT_RESUME
            }
            // After a `Step` or `ForIter` the frame is already flushed.
            ExitKind::Raise => EXIT_RAISE,
        };
        cx.b.build_call(
            exit_fn,
            &[
                thread.into(),
                i64t.const_int(unit, false).into(),
                i32t.const_int(k as u64, false).into(),
            ],
            "",
        )
        .map_err(e)?;
        let code = i64t.const_int(encode_exit(kind, ex.pc), false);
        cx.b.build_return(Some(&code)).map_err(e)?;
    }
    let _ = cx.f;
    Ok(())
}

impl<'ctx> Cx<'_, 'ctx> {
    fn frame_slot(&self, r: usize) -> R<PointerValue<'ctx>> {
        // SAFETY: register indices are within the frame (verified bytecode).
        unsafe {
            self.b.build_in_bounds_gep(
                self.i64t,
                self.regs,
                &[self.i64t.const_int(r as u64, false)],
                "",
            )
        }
        .map_err(e)
    }

    fn load_frame(&self, r: usize) -> R<IntValue<'ctx>> {
        let p = self.frame_slot(r)?;
        Ok(self
            .b
            .build_load(self.i64t, p, "")
            .map_err(e)?
            .into_int_value())
    }

    fn const64(&self, v: u64) -> IntValue<'ctx> {
        self.i64t.const_int(v, false)
    }

    fn load_bits(&self, r: Reg) -> R<IntValue<'ctx>> {
        Ok(self
            .b
            .build_load(self.i64t, self.slots[r as usize].bits, "")
            .map_err(e)?
            .into_int_value())
    }
    fn load_int(&self, r: Reg) -> R<IntValue<'ctx>> {
        Ok(self
            .b
            .build_load(self.i64t, self.slots[r as usize].int, "")
            .map_err(e)?
            .into_int_value())
    }
    fn load_float(&self, r: Reg) -> R<inkwell::values::FloatValue<'ctx>> {
        Ok(self
            .b
            .build_load(self.f64t, self.slots[r as usize].float, "")
            .map_err(e)?
            .into_float_value())
    }
    /// A float operand: a float register, or an int register converted
    /// (exactly: inline ints have at most 48 bits).
    fn load_num(&self, r: Reg, st: &[Ty]) -> R<inkwell::values::FloatValue<'ctx>> {
        if st[r as usize] == Ty::Int {
            let i = self.load_int(r)?;
            return self
                .b
                .build_signed_int_to_float(i, self.f64t, "")
                .map_err(e);
        }
        self.load_float(r)
    }

    fn load_bool(&self, r: Reg) -> R<IntValue<'ctx>> {
        Ok(self
            .b
            .build_load(self.i1t, self.slots[r as usize].bool_, "")
            .map_err(e)?
            .into_int_value())
    }

    /// The boxed bits of register `r` held in representation `t`.
    fn boxed_bits(&self, r: Reg, t: Ty) -> R<IntValue<'ctx>> {
        let b = &self.b;
        Ok(match t {
            Ty::Frame | Ty::Value | Ty::Dead => self.load_bits(r)?,
            Ty::Int => {
                let i = self.load_int(r)?;
                let payload = b
                    .build_and(i, self.const64((1u64 << 48) - 1), "")
                    .map_err(e)?;
                b.build_or(payload, self.const64(TAG_INT << 48), "")
                    .map_err(e)?
            }
            Ty::Float => {
                let f = self.load_float(r)?;
                let bits = b
                    .build_bit_cast(f, self.i64t, "")
                    .map_err(e)?
                    .into_int_value();
                let nan = b
                    .build_float_compare(FloatPredicate::UNO, f, f, "")
                    .map_err(e)?;
                b.build_select(nan, self.const64(CANON_NAN), bits, "")
                    .map_err(e)?
                    .into_int_value()
            }
            Ty::Bool => {
                let v = self.load_bool(r)?;
                let z = b.build_int_z_extend(v, self.i64t, "").map_err(e)?;
                b.build_or(z, self.const64(TAG_BOOL << 48), "").map_err(e)?
            }
        })
    }

    /// The registers clean where exit `x` is taken (none if unknown).
    fn clean_at_exit(&self, x: ExitId) -> Vec<bool> {
        self.clean.at_exit[x]
            .clone()
            .unwrap_or_else(|| vec![false; self.region.nregs])
    }

    /// Writes every register of `types` the code may have changed to the
    /// frame, boxed: not a `clean` one, nor a `Frame` one (compiled code
    /// never writes one: a write makes it a typed value).
    fn flush(&self, types: &[Ty], clean: &[bool]) -> R<()> {
        for (r, &t) in types.iter().enumerate() {
            if t == Ty::Dead || t == Ty::Frame || clean.get(r).copied().unwrap_or(false) {
                continue;
            }
            let v = self.boxed_bits(r as Reg, t)?;
            let p = self.frame_slot(r)?;
            self.b.build_store(p, v).map_err(e)?;
        }
        Ok(())
    }

    /// Writes back an exit inside inlined code: the caller's registers to
    /// its frame, then each callee's frame pushed (by a helper that also
    /// records the caller's pc) and filled from its registers.
    fn flush_inlined(&self, ex: &Exit, clean: &[bool]) -> R<()> {
        let outer = ex.frames[0].caller_nregs;
        let caller: Vec<Ty> = ex.types[..outer].to_vec();
        self.flush(&caller, clean)?;
        let fty = self.ptrt.fn_type(
            &[
                self.ptrt.into(),
                self.i64t.into(),
                self.i32t.into(),
                self.i32t.into(),
            ],
            false,
        );
        let push = self.declare("strata_t2_push_frame", fty);
        for f in &ex.frames {
            let regs = self
                .b
                .build_call(
                    push,
                    &[
                        self.thread.into(),
                        self.const64(f.func).into(),
                        self.i32t.const_int(f.call_pc as u64, false).into(),
                        self.i32t.const_int(f.ret_reg as u64, false).into(),
                    ],
                    "",
                )
                .map_err(e)?
                .try_as_basic_value()
                .basic()
                .ok_or("push_frame returned nothing")?
                .into_pointer_value();
            for k in 0..f.nregs {
                let r = f.base as usize + k;
                let t = ex.types[r];
                if t == Ty::Dead {
                    continue;
                }
                let v = self.boxed_bits(r as Reg, t)?;
                // SAFETY: k < the callee's register count, the window the
                // helper pushed.
                let p = unsafe {
                    self.b
                        .build_in_bounds_gep(self.i64t, regs, &[self.const64(k as u64)], "")
                }
                .map_err(e)?;
                self.b.build_store(p, v).map_err(e)?;
            }
        }
        Ok(())
    }

    fn tag_is(&self, bits: IntValue<'ctx>, tag: u64) -> R<IntValue<'ctx>> {
        let t = self
            .b
            .build_right_shift(bits, self.const64(48), false, "")
            .map_err(e)?;
        self.b
            .build_int_compare(IntPredicate::EQ, t, self.const64(tag), "")
            .map_err(e)
    }

    fn i8t(&self) -> IntType<'ctx> {
        self.f.get_type().get_context().i8_type()
    }

    /// Continues in a new block when `ok`, else branches to exit `x`.
    /// Leaves through `x` unless the i64 helper result `r` is a value
    /// (not `helpers::MISS`).
    fn guard_found(&self, r: IntValue<'ctx>, x: ExitId) -> R<()> {
        let ok = self
            .b
            .build_int_compare(
                IntPredicate::NE,
                r,
                self.const64(tier2_llvm::helpers::MISS),
                "",
            )
            .map_err(e)?;
        self.guard(ok, x)
    }

    /// Leaves through `x` unless the i32 helper status `r` is 0 (done).
    fn guard_done(&self, r: IntValue<'ctx>, x: ExitId) -> R<()> {
        let ok = self
            .b
            .build_int_compare(IntPredicate::EQ, r, self.i32t.const_int(0, false), "")
            .map_err(e)?;
        self.guard(ok, x)
    }

    fn guard(&self, ok: IntValue<'ctx>, x: ExitId) -> R<()> {
        self.guard_stressed(ok, x, true)
    }

    /// As `guard`; `stress`: whether `--deopt-every` may force this exit
    /// (not after an effect that re-running the instruction would repeat).
    fn guard_stressed(&self, ok: IntValue<'ctx>, x: ExitId, stress: bool) -> R<()> {
        let ctx = self.f.get_type().get_context();
        let ok = if stress
            && self.stress.deopt_every > 0
            && self.region.exits[x].kind == ExitKind::Resume
        {
            // --deopt-every N: a process-wide count of such checks; every
            // Nth one fails whatever the condition.
            let ctr = self
                .b
                .build_int_to_ptr(self.const64(self.deopt_counter), self.ptrt, "")
                .map_err(e)?;
            let c = self
                .b
                .build_load(self.i64t, ctr, "")
                .map_err(e)?
                .into_int_value();
            let c1 = self.b.build_int_add(c, self.const64(1), "").map_err(e)?;
            self.b.build_store(ctr, c1).map_err(e)?;
            let r = self
                .b
                .build_int_unsigned_rem(c1, self.const64(self.stress.deopt_every as u64), "")
                .map_err(e)?;
            let keep = self
                .b
                .build_int_compare(IntPredicate::NE, r, self.const64(0), "")
                .map_err(e)?;
            self.b.build_and(ok, keep, "").map_err(e)?
        } else {
            ok
        };
        let cont = ctx.append_basic_block(self.f, "");
        let br = self
            .b
            .build_conditional_branch(ok, cont, self.exits[x])
            .map_err(e)?;
        // Exits are rare: LLVM lays them out of the hot path.
        self.weigh(br, Some((GUARD_PASS_WEIGHT, 1)))?;
        self.b.position_at_end(cont);
        Ok(())
    }

    fn sext48(&self, v: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let s = self
            .b
            .build_left_shift(v, self.const64(16), "")
            .map_err(e)?;
        self.b
            .build_right_shift(s, self.const64(16), true, "")
            .map_err(e)
    }

    /// Exit `x` unless `v` is in the inline-int range.
    fn range_guard(&self, v: IntValue<'ctx>, x: ExitId) -> R<()> {
        let back = self.sext48(v)?;
        let ok = self
            .b
            .build_int_compare(IntPredicate::EQ, back, v, "")
            .map_err(e)?;
        self.guard(ok, x)
    }

    /// `base + off` as a pointer.
    fn at(&self, base: IntValue<'ctx>, off: usize) -> R<PointerValue<'ctx>> {
        let a = self
            .b
            .build_int_add(base, self.const64(off as u64), "")
            .map_err(e)?;
        self.b.build_int_to_ptr(a, self.ptrt, "").map_err(e)
    }

    /// Loads the `ty` field at `base + off`.
    fn field(
        &self,
        ty: IntType<'ctx>,
        base: IntValue<'ctx>,
        off: usize,
        name: &str,
    ) -> R<IntValue<'ctx>> {
        Ok(self
            .b
            .build_load(ty, self.at(base, off)?, name)
            .map_err(e)?
            .into_int_value())
    }

    /// Loads the `ty` field at `base + off` and leaves through `exit`
    /// unless it equals `want`; returns the field.
    fn field_is(
        &self,
        ty: IntType<'ctx>,
        base: IntValue<'ctx>,
        off: usize,
        want: u64,
        name: &str,
        exit: ExitId,
    ) -> R<IntValue<'ctx>> {
        let v = self.field(ty, base, off, name)?;
        let ok = self
            .b
            .build_int_compare(IntPredicate::EQ, v, ty.const_int(want, false), "")
            .map_err(e)?;
        self.guard(ok, exit)?;
        Ok(v)
    }

    /// The address of the object `v` (boxed bits) after guards that it is
    /// an object of kind `kind`, leaving through `exit`.
    fn object_of_kind(
        &self,
        l: &runtime::jit::ObjectLayout,
        v: IntValue<'ctx>,
        kind: u8,
        exit: ExitId,
    ) -> R<IntValue<'ctx>> {
        let is_obj = self.tag_is(v, runtime::value::TAG_OBJ)?;
        self.guard(is_obj, exit)?;
        let addr = self
            .b
            .build_and(v, self.const64((1u64 << 48) - 1), "")
            .map_err(e)?;
        let i8t = self.f.get_type().get_context().i8_type();
        self.field_is(i8t, addr, l.kind, kind as u64, "kind", exit)?;
        Ok(addr)
    }

    /// A stack slot of type `ty` made in the entry block (an alloca inside
    /// a loop would grow the stack every iteration).
    fn entry_alloca(
        &self,
        ty: inkwell::types::ArrayType<'ctx>,
        name: &str,
    ) -> R<PointerValue<'ctx>> {
        let ctx = self.f.get_type().get_context();
        let entry_b = ctx.create_builder();
        let first = self.f.get_first_basic_block().ok_or("no entry block")?;
        match first.get_first_instruction() {
            Some(i) => entry_b.position_before(&i),
            None => entry_b.position_at_end(first),
        }
        entry_b.build_alloca(ty, name).map_err(e)
    }

    /// A constant table in the module of a polymorphic cache's entries,
    /// four words each (class, version, shape, slot or method), for the
    /// `*_poly` helpers.
    fn poly_table(&self, p: &tier2_llvm::snapshot::Poly) -> R<PointerValue<'ctx>> {
        let words: Vec<IntValue<'ctx>> = p
            .entries()
            .iter()
            .flat_map(|x| [x.class as u64, x.version as u64, x.shape as u64, x.value])
            .map(|w| self.const64(w))
            .collect();
        let ty = self.i64t.array_type(words.len() as u32);
        let g = self.module.add_global(ty, None, "poly");
        g.set_initializer(&self.i64t.const_array(&words));
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        Ok(g.as_pointer_value())
    }

    /// The address of slot `slot` of the instance `obj` (boxed bits), after
    /// the inline cache's guards — an object, an instance, of `class` at
    /// `version`, with `shape`, and the slot present — each leaving through
    /// `exit` (the same checks as `helpers::strata_t2_get_slot`, on the
    /// probed layout, without a call).
    fn slot_ptr(
        &self,
        obj: IntValue<'ctx>,
        class: usize,
        version: u32,
        shape: usize,
        slot: u32,
        exit: ExitId,
    ) -> R<PointerValue<'ctx>> {
        let l = self.object.ok_or("no object layout")?;
        let i64t = self.i64t;
        let addr = self.object_of_kind(&l, obj, l.kind_instance, exit)?;
        // The class's version is not re-checked: the unit is registered
        // with the class and invalidated when it changes (runtime::jit
        // invariant 4; the tier installs it only at that version).
        let _ = version;
        self.field_is(i64t, addr, l.inst_class, class as u64, "class", exit)?;
        self.field_is(i64t, addr, l.inst_shape, shape as u64, "shape", exit)?;
        let (items, len) = self.slot_items(addr)?;
        let ok = self
            .b
            .build_int_compare(IntPredicate::ULT, self.const64(slot as u64), len, "")
            .map_err(e)?;
        self.guard(ok, exit)?;
        self.at(items, slot as usize * 8)
    }

    /// The address of slot `slot` of `obj`, an instance whose class,
    /// version and shape an earlier access in the block checked (the shape
    /// has the slot, and an instance's slots match its shape).
    fn proven_slot_ptr(&self, obj: IntValue<'ctx>, slot: u32) -> R<PointerValue<'ctx>> {
        let addr = self
            .b
            .build_and(obj, self.const64((1u64 << 48) - 1), "")
            .map_err(e)?;
        let (items, _) = self.slot_items(addr)?;
        self.at(items, slot as usize * 8)
    }

    /// The slot items pointer and length of the instance at `addr`
    /// (inline storage or the heap vector).
    fn slot_items(&self, addr: IntValue<'ctx>) -> R<(IntValue<'ctx>, IntValue<'ctx>)> {
        let l = self.object.ok_or("no object layout")?;
        let i64t = self.i64t;
        let sv = self
            .b
            .build_int_add(addr, self.const64(l.inst_slots as u64), "")
            .map_err(e)?;
        let cap = self.field(i64t, sv, l.slots_capacity, "cap")?;
        let inline = self
            .b
            .build_int_compare(
                IntPredicate::ULE,
                cap,
                self.const64(l.slots_inline_max as u64),
                "",
            )
            .map_err(e)?;
        let heap_ptr = self.field(i64t, sv, l.slots_heap_ptr, "heap")?;
        let heap_len = self.field(i64t, sv, l.slots_heap_len, "hlen")?;
        let inline_items = self
            .b
            .build_int_add(sv, self.const64(l.slots_inline_items as u64), "")
            .map_err(e)?;
        let items = self
            .b
            .build_select(inline, inline_items, heap_ptr, "items")
            .map_err(e)?
            .into_int_value();
        let len = self
            .b
            .build_select(inline, cap, heap_len, "len")
            .map_err(e)?
            .into_int_value();
        Ok((items, len))
    }

    /// The next item of the builtin iterator `it` (boxed bits) when it is a
    /// range iterator with items left whose next value is an inline int, or
    /// a list iterator before the list's end: the state is advanced as
    /// `runtime::ops::iter::next_builtin` does, and each such path ends in
    /// a branch to `got`, returned with its boxed item; every other case
    /// branches to `slow` (the helper). The builder is left in no block.
    fn iter_next_inline(
        &self,
        it: IntValue<'ctx>,
        l: &runtime::jit::ObjectLayout,
        il: &runtime::jit::IterLayout,
        got: BasicBlock<'ctx>,
        slow: BasicBlock<'ctx>,
    ) -> R<Vec<(IntValue<'ctx>, BasicBlock<'ctx>)>> {
        let ctx = self.f.get_type().get_context();
        let (i8t, i64t) = (ctx.i8_type(), self.i64t);
        let bb = |n: &str| ctx.append_basic_block(self.f, n);
        let br = |c: IntValue<'ctx>, t: BasicBlock<'ctx>, f: BasicBlock<'ctx>| {
            self.b
                .build_conditional_branch(c, t, f)
                .map(|_| ())
                .map_err(e)
        };
        let (kind_bb, tag_bb) = (bb("it.kind"), bb("it.tag"));
        let is_obj = self.tag_is(it, runtime::value::TAG_OBJ)?;
        br(is_obj, kind_bb, slow)?;
        self.b.position_at_end(kind_bb);
        let addr = self
            .b
            .build_and(it, self.const64((1u64 << 48) - 1), "it.addr")
            .map_err(e)?;
        let kind = self.field(i8t, addr, l.kind, "it.kind")?;
        let is_iter = self
            .b
            .build_int_compare(
                IntPredicate::EQ,
                kind,
                i8t.const_int(il.kind_iter as u64, false),
                "",
            )
            .map_err(e)?;
        br(is_iter, tag_bb, slow)?;
        self.b.position_at_end(tag_bb);
        let tag = self.field(i8t, addr, il.tag, "it.tag")?;
        let (range_bb, list_bb) = (bb("it.range"), bb("it.list"));
        self.b
            .build_switch(
                tag,
                slow,
                &[
                    (i8t.const_int(il.tag_range as u64, false), range_bb),
                    (i8t.const_int(il.tag_list as u64, false), list_bb),
                ],
            )
            .map_err(e)?;
        let mut out = Vec::new();
        // Range { next, step, remaining }.
        self.b.position_at_end(range_bb);
        let rem = self.field(i64t, addr, il.word[2], "it.remaining")?;
        let next = self.field(i64t, addr, il.word[0], "it.next")?;
        let left = self
            .b
            .build_int_compare(IntPredicate::SGT, rem, self.const64(0), "")
            .map_err(e)?;
        let lo = self
            .b
            .build_int_compare(
                IntPredicate::SGE,
                next,
                i64t.const_int(runtime::value::SMALL_INT_MIN as u64, true),
                "",
            )
            .map_err(e)?;
        let hi = self
            .b
            .build_int_compare(
                IntPredicate::SLE,
                next,
                i64t.const_int(runtime::value::SMALL_INT_MAX as u64, true),
                "",
            )
            .map_err(e)?;
        let fits = self.b.build_and(lo, hi, "").map_err(e)?;
        let ok = self.b.build_and(left, fits, "").map_err(e)?;
        let range_go = bb("it.range.go");
        br(ok, range_go, slow)?;
        self.b.position_at_end(range_go);
        let step = self.field(i64t, addr, il.word[1], "it.step")?;
        let rem1 = self.b.build_int_sub(rem, self.const64(1), "").map_err(e)?;
        self.b
            .build_store(self.at(addr, il.word[2])?, rem1)
            .map_err(e)?;
        let next1 = self.b.build_int_add(next, step, "").map_err(e)?;
        self.b
            .build_store(self.at(addr, il.word[0])?, next1)
            .map_err(e)?;
        let payload = self
            .b
            .build_and(next, self.const64((1u64 << 48) - 1), "")
            .map_err(e)?;
        let boxed = self
            .b
            .build_or(payload, self.const64(TAG_INT << 48), "it.int")
            .map_err(e)?;
        self.b.build_unconditional_branch(got).map_err(e)?;
        out.push((boxed, range_go));
        // List { list, index }: the list is an exact list.
        self.b.position_at_end(list_bb);
        let list = self.field(i64t, addr, il.word[0], "it.list")?;
        let index = self.field(i64t, addr, il.word[1], "it.index")?;
        let laddr = self
            .b
            .build_and(list, self.const64((1u64 << 48) - 1), "")
            .map_err(e)?;
        let len = self.field(i64t, laddr, l.list_len, "it.len")?;
        let before_end = self
            .b
            .build_int_compare(IntPredicate::ULT, index, len, "")
            .map_err(e)?;
        let list_go = bb("it.list.go");
        br(before_end, list_go, slow)?;
        self.b.position_at_end(list_go);
        let items = self.field(i64t, laddr, l.list_ptr, "it.items")?;
        let off = self
            .b
            .build_left_shift(index, self.const64(3), "")
            .map_err(e)?;
        let p = self.b.build_int_add(items, off, "").map_err(e)?;
        let p = self.b.build_int_to_ptr(p, self.ptrt, "").map_err(e)?;
        let item = self
            .b
            .build_load(i64t, p, "it.item")
            .map_err(e)?
            .into_int_value();
        let index1 = self
            .b
            .build_int_add(index, self.const64(1), "")
            .map_err(e)?;
        self.b
            .build_store(self.at(addr, il.word[1])?, index1)
            .map_err(e)?;
        self.b.build_unconditional_branch(got).map_err(e)?;
        out.push((item, list_go));
        Ok(out)
    }

    /// The address of item `i` of the exact list `list` (boxed bits),
    /// negative indexes counting from the end, after guards (an object, a
    /// list, the index in range) that leave through `exit` (the same checks
    /// as `helpers::strata_t2_list_get`, without a call).
    fn item_ptr(
        &self,
        list: IntValue<'ctx>,
        i: IntValue<'ctx>,
        exit: ExitId,
    ) -> R<PointerValue<'ctx>> {
        let l = self.object.ok_or("no object layout")?;
        let addr = self.object_of_kind(&l, list, l.kind_list, exit)?;
        let len = self.field(self.i64t, addr, l.list_len, "len")?;
        let neg = self
            .b
            .build_int_compare(IntPredicate::SLT, i, self.const64(0), "")
            .map_err(e)?;
        let wrapped = self.b.build_int_add(i, len, "").map_err(e)?;
        let j = self
            .b
            .build_select(neg, wrapped, i, "j")
            .map_err(e)?
            .into_int_value();
        // Unsigned: a still-negative index is huge, so out of range.
        let ok = self
            .b
            .build_int_compare(IntPredicate::ULT, j, len, "")
            .map_err(e)?;
        self.guard(ok, exit)?;
        let ptr = self.field(self.i64t, addr, l.list_ptr, "items")?;
        let off = self.b.build_left_shift(j, self.const64(3), "").map_err(e)?;
        let item = self.b.build_int_add(ptr, off, "").map_err(e)?;
        self.b.build_int_to_ptr(item, self.ptrt, "").map_err(e)
    }

    /// Calls helper `name` (declared on first use, its parameter types
    /// those of `args`) and returns its `ret`-typed result.
    fn call_int(
        &self,
        name: &str,
        ret: IntType<'ctx>,
        args: &[inkwell::values::BasicMetadataValueEnum<'ctx>],
    ) -> R<IntValue<'ctx>> {
        use inkwell::values::BasicMetadataValueEnum as Arg;
        let params: Vec<inkwell::types::BasicMetadataTypeEnum<'ctx>> = args
            .iter()
            .map(|v| match v {
                Arg::IntValue(x) => x.get_type().into(),
                Arg::PointerValue(p) => p.get_type().into(),
                Arg::FloatValue(f) => f.get_type().into(),
                _ => self.i64t.into(),
            })
            .collect();
        let fnv = self.declare(name, ret.fn_type(&params, false));
        Ok(self
            .b
            .build_call(fnv, args, "")
            .map_err(e)?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| format!("{name} returned nothing"))?
            .into_int_value())
    }

    /// The module's declaration of helper `name` (added on first use).
    fn declare(&self, name: &str, ty: inkwell::types::FunctionType<'ctx>) -> FunctionValue<'ctx> {
        self.module
            .get_function(name)
            .unwrap_or_else(|| self.module.add_function(name, ty, Some(Linkage::External)))
    }

    fn step_call(&self, pc: u32) -> R<IntValue<'ctx>> {
        let r = self
            .b
            .build_call(
                self.step_fn,
                &[
                    self.thread.into(),
                    self.regs.into(),
                    self.i32t.const_int(pc as u64, false).into(),
                ],
                "st",
            )
            .map_err(e)?;
        r.try_as_basic_value()
            .basic()
            .map(|v| v.into_int_value())
            .ok_or_else(|| "step helper returned nothing".to_string())
    }

    fn block(&mut self, blk: &Block, layout: &Layout) -> R<()> {
        let mut st = blk.entry.clone();
        let fr = self.region.frame_regs;
        for inst in &blk.insts {
            self.inst(inst, &mut st)?;
            crate::clean::step_inst(inst, &mut self.clean_now, fr, &mut |_, _| {});
        }
        self.term(&blk.term, &st, layout, blk.weights)
    }

    fn inst(&mut self, inst: &Inst, st: &mut [Ty]) -> R<()> {
        let b = &self.b;
        match *inst {
            Inst::ConstInt(d, v) => {
                b.build_store(
                    self.slots[d as usize].int,
                    self.i64t.const_int(v as u64, true),
                )
                .map_err(e)?;
                st[d as usize] = Ty::Int;
            }
            Inst::ConstFloat(d, v) => {
                b.build_store(self.slots[d as usize].float, self.f64t.const_float(v))
                    .map_err(e)?;
                st[d as usize] = Ty::Float;
            }
            Inst::ConstBool(d, v) => {
                b.build_store(
                    self.slots[d as usize].bool_,
                    self.i1t.const_int(v as u64, false),
                )
                .map_err(e)?;
                st[d as usize] = Ty::Bool;
            }
            Inst::ConstValue(d, v) => {
                b.build_store(self.slots[d as usize].bits, self.const64(v))
                    .map_err(e)?;
                st[d as usize] = Ty::Value;
            }
            Inst::Move { dst, src } => {
                let t = st[src as usize];
                let (d, s) = (&self.slots[dst as usize], &self.slots[src as usize]);
                match t {
                    Ty::Int => {
                        let v = self.load_int(src)?;
                        b.build_store(d.int, v).map_err(e)?;
                    }
                    Ty::Float => {
                        let v = self.load_float(src)?;
                        b.build_store(d.float, v).map_err(e)?;
                    }
                    Ty::Bool => {
                        let v = self.load_bool(src)?;
                        b.build_store(d.bool_, v).map_err(e)?;
                    }
                    _ => {
                        let v = b.build_load(self.i64t, s.bits, "").map_err(e)?;
                        b.build_store(d.bits, v).map_err(e)?;
                    }
                }
                st[dst as usize] = if t == Ty::Frame { Ty::Value } else { t };
            }
            Inst::Box(r) => {
                let v = self.boxed_bits(r, st[r as usize])?;
                self.b
                    .build_store(self.slots[r as usize].bits, v)
                    .map_err(e)?;
                st[r as usize] = Ty::Value;
            }
            Inst::Unbox { reg, to, exit } => {
                let bits = self.load_bits(reg)?;
                let s = &self.slots[reg as usize];
                match to {
                    Ty::Int => {
                        let ok = self.tag_is(bits, TAG_INT)?;
                        self.guard(ok, exit)?;
                        let v = self.sext48(bits)?;
                        self.b.build_store(s.int, v).map_err(e)?;
                    }
                    Ty::Float => {
                        let ok = self
                            .b
                            .build_int_compare(
                                IntPredicate::ULT,
                                bits,
                                self.const64(TAG_OBJ << 48),
                                "",
                            )
                            .map_err(e)?;
                        self.guard(ok, exit)?;
                        let f = self.b.build_bit_cast(bits, self.f64t, "").map_err(e)?;
                        self.b.build_store(s.float, f).map_err(e)?;
                    }
                    Ty::Bool => {
                        let ok = self.tag_is(bits, TAG_BOOL)?;
                        self.guard(ok, exit)?;
                        let v = self.b.build_int_truncate(bits, self.i1t, "").map_err(e)?;
                        self.b.build_store(s.bool_, v).map_err(e)?;
                    }
                    _ => return Err(format!("unbox to {to:?}")),
                }
                st[reg as usize] = to;
            }
            Inst::Int {
                op,
                dst,
                a,
                b: rb,
                exit,
            } => {
                let (x, y) = (self.load_int(a)?, self.load_int(rb)?);
                let bld = &self.b;
                let v = match op {
                    IntOp::Add => bld.build_int_add(x, y, "").map_err(e)?,
                    IntOp::Sub => bld.build_int_sub(x, y, "").map_err(e)?,
                    IntOp::And => bld.build_and(x, y, "").map_err(e)?,
                    IntOp::Or => bld.build_or(x, y, "").map_err(e)?,
                    IntOp::Xor => bld.build_xor(x, y, "").map_err(e)?,
                    IntOp::Shl => {
                        // 0 <= y < 48 (as the interpreter's fast path), and
                        // no bit lost: the range guard below then holds
                        // the result to the inline range.
                        let ok = bld
                            .build_int_compare(IntPredicate::ULT, y, self.const64(48), "")
                            .map_err(e)?;
                        self.guard(ok, exit)?;
                        let bld = &self.b;
                        let v = bld.build_left_shift(x, y, "").map_err(e)?;
                        let back = bld.build_right_shift(v, y, true, "").map_err(e)?;
                        let kept = bld
                            .build_int_compare(IntPredicate::EQ, back, x, "")
                            .map_err(e)?;
                        self.guard(kept, exit)?;
                        v
                    }
                    IntOp::Shr => {
                        let ok = bld
                            .build_int_compare(IntPredicate::SGE, y, self.const64(0), "")
                            .map_err(e)?;
                        self.guard(ok, exit)?;
                        // Shifting by 63 or more leaves the sign.
                        let bld = &self.b;
                        let big = bld
                            .build_int_compare(IntPredicate::SGT, y, self.const64(63), "")
                            .map_err(e)?;
                        let n = bld
                            .build_select(big, self.const64(63), y, "")
                            .map_err(e)?
                            .into_int_value();
                        bld.build_right_shift(x, n, true, "").map_err(e)?
                    }
                    IntOp::Mul => {
                        // |x|, |y| < 2**47: the i128-free check is to keep
                        // the product within 2**47 (no i64 overflow either,
                        // as 2**94 does not fit: use the overflow intrinsic).
                        let intr = inkwell::intrinsics::Intrinsic::find("llvm.smul.with.overflow")
                            .ok_or("no smul intrinsic")?;
                        let decl = intr
                            .get_declaration(self.module, &[self.i64t.into()])
                            .ok_or("no smul declaration")?;
                        let r = bld
                            .build_call(decl, &[x.into(), y.into()], "")
                            .map_err(e)?
                            .try_as_basic_value()
                            .basic()
                            .ok_or("smul returned nothing")?
                            .into_struct_value();
                        let prod = bld
                            .build_extract_value(r, 0, "")
                            .map_err(e)?
                            .into_int_value();
                        let ovf = bld
                            .build_extract_value(r, 1, "")
                            .map_err(e)?
                            .into_int_value();
                        let no = bld.build_not(ovf, "").map_err(e)?;
                        self.guard(no, exit)?;
                        prod
                    }
                    IntOp::FloorDiv | IntOp::Mod => {
                        let nz = bld
                            .build_int_compare(IntPredicate::NE, y, self.const64(0), "")
                            .map_err(e)?;
                        self.guard(nz, exit)?;
                        let bld = &self.b;
                        let q = bld.build_int_signed_div(x, y, "").map_err(e)?;
                        let r = bld.build_int_signed_rem(x, y, "").map_err(e)?;
                        // Floor: when the remainder is non-zero and its sign
                        // differs from the divisor's, q -= 1 and r += y.
                        let rnz = bld
                            .build_int_compare(IntPredicate::NE, r, self.const64(0), "")
                            .map_err(e)?;
                        let rneg = bld
                            .build_int_compare(IntPredicate::SLT, r, self.const64(0), "")
                            .map_err(e)?;
                        let yneg = bld
                            .build_int_compare(IntPredicate::SLT, y, self.const64(0), "")
                            .map_err(e)?;
                        let differ = bld.build_xor(rneg, yneg, "").map_err(e)?;
                        let fix = bld.build_and(rnz, differ, "").map_err(e)?;
                        if op == IntOp::FloorDiv {
                            let q1 = bld.build_int_sub(q, self.const64(1), "").map_err(e)?;
                            bld.build_select(fix, q1, q, "")
                                .map_err(e)?
                                .into_int_value()
                        } else {
                            let r1 = bld.build_int_add(r, y, "").map_err(e)?;
                            bld.build_select(fix, r1, r, "")
                                .map_err(e)?
                                .into_int_value()
                        }
                    }
                };
                self.range_guard(v, exit)?;
                self.b
                    .build_store(self.slots[dst as usize].int, v)
                    .map_err(e)?;
                st[dst as usize] = Ty::Int;
            }
            Inst::Unary { op, dst, src, exit } => match op {
                UnOp::IntNeg | UnOp::IntInvert => {
                    let x = self.load_int(src)?;
                    let v = if op == UnOp::IntNeg {
                        let v = self.b.build_int_neg(x, "").map_err(e)?;
                        // Only -(-2**47) leaves the inline range.
                        if let Some(x) = exit {
                            self.range_guard(v, x)?;
                        }
                        v
                    } else {
                        self.b.build_not(x, "").map_err(e)?
                    };
                    self.b
                        .build_store(self.slots[dst as usize].int, v)
                        .map_err(e)?;
                    st[dst as usize] = Ty::Int;
                }
                UnOp::FloatNeg => {
                    let x = self.load_float(src)?;
                    let v = self.b.build_float_neg(x, "").map_err(e)?;
                    self.b
                        .build_store(self.slots[dst as usize].float, v)
                        .map_err(e)?;
                    st[dst as usize] = Ty::Float;
                }
            },
            Inst::Float {
                op,
                dst,
                a,
                b: rb,
                exit,
            } => {
                let (x, y) = (self.load_num(a, st)?, self.load_num(rb, st)?);
                let v = match op {
                    FloatOp::Add => self.b.build_float_add(x, y, "").map_err(e)?,
                    FloatOp::Sub => self.b.build_float_sub(x, y, "").map_err(e)?,
                    FloatOp::Mul => self.b.build_float_mul(x, y, "").map_err(e)?,
                    FloatOp::Div => {
                        if let Some(x) = exit {
                            let nz = self
                                .b
                                .build_float_compare(
                                    FloatPredicate::UNE,
                                    y,
                                    self.f64t.const_float(0.0),
                                    "",
                                )
                                .map_err(e)?;
                            self.guard(nz, x)?;
                        }
                        self.b.build_float_div(x, y, "").map_err(e)?
                    }
                };
                self.b
                    .build_store(self.slots[dst as usize].float, v)
                    .map_err(e)?;
                st[dst as usize] = Ty::Float;
            }
            Inst::IntCmp { op, dst, a, b: rb } => {
                let (x, y) = (self.load_int(a)?, self.load_int(rb)?);
                let p = match op {
                    Cmp::Lt => IntPredicate::SLT,
                    Cmp::Le => IntPredicate::SLE,
                    Cmp::Eq => IntPredicate::EQ,
                    Cmp::Ne => IntPredicate::NE,
                    Cmp::Gt => IntPredicate::SGT,
                    Cmp::Ge => IntPredicate::SGE,
                };
                let v = self.b.build_int_compare(p, x, y, "").map_err(e)?;
                self.b
                    .build_store(self.slots[dst as usize].bool_, v)
                    .map_err(e)?;
                st[dst as usize] = Ty::Bool;
            }
            Inst::FloatCmp { op, dst, a, b: rb } => {
                let (x, y) = (self.load_num(a, st)?, self.load_num(rb, st)?);
                let p = match op {
                    Cmp::Lt => FloatPredicate::OLT,
                    Cmp::Le => FloatPredicate::OLE,
                    Cmp::Eq => FloatPredicate::OEQ,
                    Cmp::Ne => FloatPredicate::UNE,
                    Cmp::Gt => FloatPredicate::OGT,
                    Cmp::Ge => FloatPredicate::OGE,
                };
                let v = self.b.build_float_compare(p, x, y, "").map_err(e)?;
                self.b
                    .build_store(self.slots[dst as usize].bool_, v)
                    .map_err(e)?;
                st[dst as usize] = Ty::Bool;
            }
            Inst::Same { dst, a, b, negate } => {
                let x = self.boxed_bits(a, st[a as usize])?;
                let y = self.boxed_bits(b, st[b as usize])?;
                let p = if negate {
                    IntPredicate::NE
                } else {
                    IntPredicate::EQ
                };
                let v = self.b.build_int_compare(p, x, y, "is").map_err(e)?;
                self.b
                    .build_store(self.slots[dst as usize].bool_, v)
                    .map_err(e)?;
                st[dst as usize] = Ty::Bool;
            }
            Inst::Not { dst, src } => {
                let v = self.load_bool(src)?;
                let n = self.b.build_not(v, "").map_err(e)?;
                self.b
                    .build_store(self.slots[dst as usize].bool_, n)
                    .map_err(e)?;
                st[dst as usize] = Ty::Bool;
            }
            Inst::Pure {
                op:
                    PureOp::GetSlot {
                        class,
                        version,
                        shape,
                        slot,
                        proven,
                    },
                dst: Some(d),
                ref args,
                exit,
                ..
            } if self.object.is_some() => {
                let obj = self.boxed_bits(args[0], st[args[0] as usize])?;
                let p = if proven {
                    self.proven_slot_ptr(obj, slot)?
                } else {
                    self.slot_ptr(obj, class, version, shape, slot, exit)?
                };
                let v = self.b.build_load(self.i64t, p, "slot").map_err(e)?;
                self.b
                    .build_store(self.slots[d as usize].bits, v)
                    .map_err(e)?;
                st[d as usize] = Ty::Value;
            }
            Inst::Pure {
                op:
                    PureOp::SetSlot {
                        class,
                        version,
                        shape,
                        slot,
                        proven,
                    },
                ref args,
                exit,
                ..
            } if self.object.is_some() => {
                let obj = self.boxed_bits(args[0], st[args[0] as usize])?;
                let v = self.boxed_bits(args[1], st[args[1] as usize])?;
                let p = if proven {
                    self.proven_slot_ptr(obj, slot)?
                } else {
                    self.slot_ptr(obj, class, version, shape, slot, exit)?
                };
                self.b.build_store(p, v).map_err(e)?;
            }
            Inst::Pure {
                op: op @ (PureOp::BuildList | PureOp::BuildTuple),
                dst: Some(d),
                ref args,
                exit,
                ..
            } => {
                // The items in a buffer on the stack (scanned by the
                // collector, which allocation never runs anyway).
                let buf =
                    self.entry_alloca(self.i64t.array_type(args.len().max(1) as u32), "items")?;
                for (k, &r) in args.iter().enumerate() {
                    let v = self.boxed_bits(r, st[r as usize])?;
                    // SAFETY: k < args.len(), within the array.
                    let p = unsafe {
                        self.b
                            .build_in_bounds_gep(self.i64t, buf, &[self.const64(k as u64)], "")
                    }
                    .map_err(e)?;
                    self.b.build_store(p, v).map_err(e)?;
                }
                let kind = (op == PureOp::BuildTuple) as u64;
                let r = self.call_int(
                    "strata_t2_build_seq",
                    self.i64t,
                    &[
                        self.thread.into(),
                        self.i32t.const_int(kind, false).into(),
                        buf.into(),
                        self.i32t.const_int(args.len() as u64, false).into(),
                    ],
                )?;
                self.guard_found(r, exit)?;
                self.b
                    .build_store(self.slots[d as usize].bits, r)
                    .map_err(e)?;
                st[d as usize] = Ty::Value;
            }
            Inst::Pure {
                op: PureOp::ListAppend,
                ref args,
                exit,
                ..
            } => {
                let list = self.boxed_bits(args[0], st[args[0] as usize])?;
                let v = self.boxed_bits(args[1], st[args[1] as usize])?;
                // The checks that may fail (or be forced to by
                // --deopt-every) come before the append: re-running the
                // instruction after an exit must not append twice.
                if let Some(l) = self.object {
                    self.object_of_kind(&l, list, l.kind_list, exit)?;
                }
                let r =
                    self.call_int("strata_t2_list_append", self.i32t, &[list.into(), v.into()])?;
                let ok = self
                    .b
                    .build_int_compare(IntPredicate::EQ, r, self.i32t.const_int(0, false), "")
                    .map_err(e)?;
                self.guard_stressed(ok, exit, false)?;
            }
            Inst::Pure {
                op: PureOp::ListGet,
                dst: Some(d),
                ref args,
                index: Some(x),
                exit,
            } if self.object.is_some() => {
                // A list inline; anything else (a tuple) by the helper.
                let l = self.object.ok_or("no object layout")?;
                let list = self.boxed_bits(args[0], st[args[0] as usize])?;
                let i = self.load_int(x)?;
                let ctx = self.f.get_type().get_context();
                let (kind_bb, fast, slow, join) = (
                    ctx.append_basic_block(self.f, "get.kind"),
                    ctx.append_basic_block(self.f, "get.list"),
                    ctx.append_basic_block(self.f, "get.other"),
                    ctx.append_basic_block(self.f, "get.join"),
                );
                let is_obj = self.tag_is(list, runtime::value::TAG_OBJ)?;
                self.b
                    .build_conditional_branch(is_obj, kind_bb, slow)
                    .map_err(e)?;
                self.b.position_at_end(kind_bb);
                let addr = self
                    .b
                    .build_and(list, self.const64((1u64 << 48) - 1), "")
                    .map_err(e)?;
                let kind = self.field(self.i8t(), addr, l.kind, "kind")?;
                let is_list = self
                    .b
                    .build_int_compare(
                        IntPredicate::EQ,
                        kind,
                        self.i8t().const_int(l.kind_list as u64, false),
                        "",
                    )
                    .map_err(e)?;
                self.b
                    .build_conditional_branch(is_list, fast, slow)
                    .map_err(e)?;
                self.b.position_at_end(fast);
                let p = self.item_ptr(list, i, exit)?;
                let v = self.b.build_load(self.i64t, p, "item").map_err(e)?;
                let fast_end = self.b.get_insert_block().ok_or("no block")?;
                self.b.build_unconditional_branch(join).map_err(e)?;
                self.b.position_at_end(slow);
                let r = self.call_int("strata_t2_list_get", self.i64t, &[list.into(), i.into()])?;
                self.guard_found(r, exit)?;
                let slow_end = self.b.get_insert_block().ok_or("no block")?;
                self.b.build_unconditional_branch(join).map_err(e)?;
                self.b.position_at_end(join);
                let phi = self.b.build_phi(self.i64t, "item").map_err(e)?;
                phi.add_incoming(&[(&v, fast_end), (&r, slow_end)]);
                self.b
                    .build_store(self.slots[d as usize].bits, phi.as_basic_value())
                    .map_err(e)?;
                st[d as usize] = Ty::Value;
            }
            Inst::Pure {
                op: PureOp::ListSet,
                ref args,
                index: Some(x),
                exit,
                ..
            } if self.object.is_some() => {
                let list = self.boxed_bits(args[0], st[args[0] as usize])?;
                let v = self.boxed_bits(args[1], st[args[1] as usize])?;
                let i = self.load_int(x)?;
                let p = self.item_ptr(list, i, exit)?;
                self.b.build_store(p, v).map_err(e)?;
            }
            Inst::Pure {
                op,
                dst,
                ref args,
                index,
                exit,
            } => {
                use inkwell::values::BasicMetadataValueEnum as Arg;
                let (i64t, i32t) = (self.i64t, self.i32t);
                let mut vals: Vec<Arg<'ctx>> = Vec::new();
                for &r in args {
                    vals.push(self.boxed_bits(r, st[r as usize])?.into());
                }
                let idx = match index {
                    Some(x) => Some(self.load_int(x)?),
                    None => None,
                };
                let c64 = |v: usize| -> Arg<'ctx> { i64t.const_int(v as u64, false).into() };
                let c32 = |v: u32| -> Arg<'ctx> { i32t.const_int(v as u64, false).into() };
                let (name, ret_i32, all): (&str, bool, Vec<Arg<'ctx>>) = match op {
                    PureOp::GetSlot {
                        class,
                        version,
                        shape,
                        slot,
                        ..
                    } => (
                        "strata_t2_get_slot",
                        false,
                        vec![vals[0], c64(class), c32(version), c64(shape), c32(slot)],
                    ),
                    PureOp::SetSlot {
                        class,
                        version,
                        shape,
                        slot,
                        ..
                    } => (
                        "strata_t2_set_slot",
                        true,
                        vec![
                            vals[0],
                            c64(class),
                            c32(version),
                            c64(shape),
                            c32(slot),
                            vals[1],
                        ],
                    ),
                    PureOp::AddSlot {
                        class,
                        version,
                        from,
                        to,
                    } => (
                        "strata_t2_add_slot",
                        true,
                        vec![
                            vals[0],
                            c64(class),
                            c32(version),
                            c64(from),
                            c64(to),
                            vals[1],
                        ],
                    ),
                    PureOp::ListGet => (
                        "strata_t2_list_get",
                        false,
                        vec![vals[0], idx.ok_or("list_get without index")?.into()],
                    ),
                    PureOp::ListSet => (
                        "strata_t2_list_set",
                        true,
                        vec![
                            vals[0],
                            idx.ok_or("list_set without index")?.into(),
                            vals[1],
                        ],
                    ),
                    PureOp::ListAppend => return Err("list_append is lowered on its own".into()),
                    PureOp::BuildList | PureOp::BuildTuple => {
                        return Err("sequences are built on their own".into())
                    }
                    PureOp::Truthy => {
                        ("strata_t2_truthy", false, vec![self.thread.into(), vals[0]])
                    }
                    PureOp::GetIter => (
                        "strata_t2_get_iter",
                        false,
                        vec![self.thread.into(), vals[0]],
                    ),
                    PureOp::BuildSlice => (
                        "strata_t2_build_slice",
                        false,
                        vec![self.thread.into(), vals[0], vals[1], vals[2]],
                    ),
                    PureOp::GetSlice => (
                        "strata_t2_get_slice",
                        false,
                        vec![self.thread.into(), vals[0], vals[1]],
                    ),
                    PureOp::SetSlice => (
                        "strata_t2_set_slice",
                        true,
                        vec![self.thread.into(), vals[0], vals[1], vals[2]],
                    ),
                    PureOp::GetSlotPoly(p) => (
                        "strata_t2_get_slot_poly",
                        false,
                        vec![vals[0], self.poly_table(&p)?.into(), c32(p.n as u32)],
                    ),
                    PureOp::SetSlotPoly(p) => (
                        "strata_t2_set_slot_poly",
                        true,
                        vec![
                            vals[0],
                            self.poly_table(&p)?.into(),
                            c32(p.n as u32),
                            vals[1],
                        ],
                    ),
                    PureOp::MethodPoly(p) => (
                        "strata_t2_method_poly",
                        false,
                        vec![
                            self.thread.into(),
                            vals[0],
                            self.poly_table(&p)?.into(),
                            c32(p.n as u32),
                        ],
                    ),
                    PureOp::LoadClosure { index } => (
                        "strata_t2_load_closure",
                        false,
                        vec![self.thread.into(), c32(index)],
                    ),
                    PureOp::LoadDeref => ("strata_t2_load_deref", false, vec![vals[0]]),
                    PureOp::StoreDeref => ("strata_t2_store_deref", true, vec![vals[0], vals[1]]),
                    PureOp::LoadGlobal { cell, builtin } => (
                        "strata_t2_load_global",
                        false,
                        vec![c64(cell), c64(builtin)],
                    ),
                    PureOp::StoreGlobal { cell } => {
                        ("strata_t2_store_global", true, vec![c64(cell), vals[0]])
                    }
                    PureOp::MethodGuard {
                        class,
                        version,
                        shape,
                    } => (
                        "strata_t2_method_guard",
                        true,
                        vec![
                            self.thread.into(),
                            vals[0],
                            c64(class),
                            c32(version),
                            c64(shape),
                        ],
                    ),
                };
                let r = self.call_int(name, if ret_i32 { i32t } else { i64t }, &all)?;
                if ret_i32 {
                    self.guard_done(r, exit)?;
                } else {
                    self.guard_found(r, exit)?;
                }
                if let Some(d) = dst {
                    self.b
                        .build_store(self.slots[d as usize].bits, r)
                        .map_err(e)?;
                    st[d as usize] = Ty::Value;
                }
            }
            Inst::Unpack { src, dst, n, exit } => {
                let buf = self.entry_alloca(self.i64t.array_type(n as u32), "unpack")?;
                let seq = self.boxed_bits(src, st[src as usize])?;
                let fty = self.i32t.fn_type(
                    &[self.i64t.into(), self.i32t.into(), self.ptrt.into()],
                    false,
                );
                let fnv = self.declare("strata_t2_unpack", fty);
                let r = self
                    .b
                    .build_call(
                        fnv,
                        &[
                            seq.into(),
                            self.i32t.const_int(n as u64, false).into(),
                            buf.into(),
                        ],
                        "",
                    )
                    .map_err(e)?
                    .try_as_basic_value()
                    .basic()
                    .ok_or("unpack returned nothing")?
                    .into_int_value();
                self.guard_done(r, exit)?;
                for k in 0..n as u64 {
                    // SAFETY: k < n, within the array.
                    let p = unsafe {
                        self.b
                            .build_in_bounds_gep(self.i64t, buf, &[self.const64(k)], "")
                    }
                    .map_err(e)?;
                    let v = self.b.build_load(self.i64t, p, "").map_err(e)?;
                    let d = dst as usize + k as usize;
                    self.b.build_store(self.slots[d].bits, v).map_err(e)?;
                    st[d] = Ty::Value;
                }
            }
            Inst::FloatPow {
                dst,
                a,
                b: rb,
                exit,
            } => {
                let (x, y) = (self.load_num(a, st)?, self.load_num(rb, st)?);
                // A finite positive base and a finite exponent: CPython's
                // algorithm comes down to libm's pow, an error only if the
                // result overflows. Called as `nobuiltin`, so LLVM does not
                // turn pow(x, 0.5) into sqrt (which may differ in the last
                // bit). Anything else, and overflow, by the helper.
                let ctx = self.f.get_type().get_context();
                let (fast, slow, join) = (
                    ctx.append_basic_block(self.f, "pow.fast"),
                    ctx.append_basic_block(self.f, "pow.slow"),
                    ctx.append_basic_block(self.f, "pow.join"),
                );
                let inf = self.f64t.const_float(f64::INFINITY);
                let fabs =
                    |v: inkwell::values::FloatValue<'ctx>| -> R<inkwell::values::FloatValue<'ctx>> {
                        let intr =
                            inkwell::intrinsics::Intrinsic::find("llvm.fabs").ok_or("no fabs")?;
                        let decl = intr
                            .get_declaration(self.module, &[self.f64t.into()])
                            .ok_or("no fabs declaration")?;
                        Ok(self
                            .b
                            .build_call(decl, &[v.into()], "")
                            .map_err(e)?
                            .try_as_basic_value()
                            .basic()
                            .ok_or("fabs returned nothing")?
                            .into_float_value())
                    };
                let cmp = |p, l, r| self.b.build_float_compare(p, l, r, "").map_err(e);
                let pos = cmp(FloatPredicate::OGT, x, self.f64t.const_float(0.0))?;
                let fin_x = cmp(FloatPredicate::OLT, x, inf)?;
                let fin_y = cmp(FloatPredicate::OLT, fabs(y)?, inf)?;
                let c1 = self.b.build_and(pos, fin_x, "").map_err(e)?;
                let c = self.b.build_and(c1, fin_y, "").map_err(e)?;
                self.b.build_conditional_branch(c, fast, slow).map_err(e)?;
                self.b.position_at_end(fast);
                let pow_ty = self
                    .f64t
                    .fn_type(&[self.f64t.into(), self.f64t.into()], false);
                let pow = self.declare("pow", pow_ty);
                let call = self
                    .b
                    .build_call(pow, &[x.into(), y.into()], "pow")
                    .map_err(e)?;
                let nobuiltin = inkwell::attributes::Attribute::get_named_enum_kind_id("nobuiltin");
                call.add_attribute(
                    inkwell::attributes::AttributeLoc::Function,
                    ctx.create_enum_attribute(nobuiltin, 0),
                );
                let r = call
                    .try_as_basic_value()
                    .basic()
                    .ok_or("pow returned nothing")?
                    .into_float_value();
                let fin_r = cmp(FloatPredicate::OLT, fabs(r)?, inf)?;
                let r_bits = self
                    .b
                    .build_bit_cast(r, self.i64t, "")
                    .map_err(e)?
                    .into_int_value();
                let fast_end = self.b.get_insert_block().ok_or("no block")?;
                self.b
                    .build_conditional_branch(fin_r, join, slow)
                    .map_err(e)?;
                self.b.position_at_end(slow);
                let h = self.call_int("strata_t2_float_pow", self.i64t, &[x.into(), y.into()])?;
                self.guard_found(h, exit)?;
                let slow_end = self.b.get_insert_block().ok_or("no block")?;
                self.b.build_unconditional_branch(join).map_err(e)?;
                self.b.position_at_end(join);
                let phi = self.b.build_phi(self.i64t, "pow").map_err(e)?;
                phi.add_incoming(&[(&r_bits, fast_end), (&h, slow_end)]);
                self.b
                    .build_store(self.slots[dst as usize].bits, phi.as_basic_value())
                    .map_err(e)?;
                st[dst as usize] = Ty::Value;
            }
            Inst::GuardBits { reg, bits, exit } => {
                let v = self.boxed_bits(reg, st[reg as usize])?;
                let ok = self
                    .b
                    .build_int_compare(IntPredicate::EQ, v, self.const64(bits), "")
                    .map_err(e)?;
                self.guard(ok, exit)?;
            }
            Inst::Step {
                pc,
                ref writes,
                exit,
            } => {
                self.flush(st, &self.clean_now)?;
                let status = self.step_call(pc)?;
                self.guard_done(status, exit)?;
                for &w in writes {
                    let v = self.load_frame(w as usize)?;
                    self.b
                        .build_store(self.slots[w as usize].bits, v)
                        .map_err(e)?;
                    st[w as usize] = Ty::Value;
                }
            }
            Inst::Call {
                pc,
                callee,
                known,
                first,
                nargs,
                dst,
                exit,
            } => {
                let func = match known {
                    Some(bits) => self.const64(bits),
                    None => self.boxed_bits(callee, st[callee as usize])?,
                };
                self.flush(st, &self.clean_now)?;
                let i32c = |v: u64| self.i32t.const_int(v, false).into();
                let status = self.call_int(
                    "strata_t2_call",
                    self.i32t,
                    &[
                        self.thread.into(),
                        self.regs.into(),
                        func.into(),
                        i32c(first as u64),
                        i32c(nargs as u64),
                        i32c(dst as u64),
                        i32c(pc as u64),
                    ],
                )?;
                self.guard_done(status, exit)?;
                let v = self.load_frame(dst as usize)?;
                self.b
                    .build_store(self.slots[dst as usize].bits, v)
                    .map_err(e)?;
                st[dst as usize] = Ty::Value;
            }
            Inst::Poll => {
                let ctx = self.f.get_type().get_context();
                let c = self
                    .b
                    .build_load(self.i64t, self.poll_ctr, "poll")
                    .map_err(e)?
                    .into_int_value();
                let c1 = self.b.build_int_add(c, self.const64(1), "").map_err(e)?;
                self.b.build_store(self.poll_ctr, c1).map_err(e)?;
                let low = self
                    .b
                    .build_and(c1, self.const64(POLL_EVERY - 1), "")
                    .map_err(e)?;
                let tick = self
                    .b
                    .build_int_compare(IntPredicate::EQ, low, self.const64(0), "")
                    .map_err(e)?;
                let (ask, collect, cont) = (
                    ctx.append_basic_block(self.f, "poll.ask"),
                    ctx.append_basic_block(self.f, "poll.collect"),
                    ctx.append_basic_block(self.f, "poll.cont"),
                );
                let br = self
                    .b
                    .build_conditional_branch(tick, ask, cont)
                    .map_err(e)?;
                self.weigh(br, Some((1, POLL_EVERY as u32 - 1)))?;
                self.b.position_at_end(ask);
                let r =
                    self.call_int("strata_t2_wants_collect", self.i32t, &[self.thread.into()])?;
                let want = self
                    .b
                    .build_int_compare(IntPredicate::NE, r, self.i32t.const_int(0, false), "")
                    .map_err(e)?;
                self.b
                    .build_conditional_branch(want, collect, cont)
                    .map_err(e)?;
                self.b.position_at_end(collect);
                // The collector's roots are the frames: write back what
                // the frame does not hold yet (the values stay in their
                // slots too; objects do not move).
                self.flush(st, &self.clean_now)?;
                let fty = ctx.void_type().fn_type(&[self.ptrt.into()], false);
                let fnv = self.declare("strata_t2_collect", fty);
                self.b
                    .build_call(fnv, &[self.thread.into()], "")
                    .map_err(e)?;
                self.b.build_unconditional_branch(cont).map_err(e)?;
                self.b.position_at_end(cont);
            }
            Inst::CheckValid { exit } => {
                // The unit's `JitCode::invalidated` flag (an AtomicBool:
                // one byte, 0 while valid). The step before it is an
                // opaque call, so the load is not hoisted above it.
                let flag = self
                    .b
                    .build_int_to_ptr(self.const64(self.region.valid_flag), self.ptrt, "")
                    .map_err(e)?;
                let v = self
                    .b
                    .build_load(self.i8t(), flag, "invalidated")
                    .map_err(e)?
                    .into_int_value();
                let ok = self
                    .b
                    .build_int_compare(IntPredicate::EQ, v, self.i8t().const_int(0, false), "")
                    .map_err(e)?;
                self.guard(ok, exit)?;
            }
        }
        Ok(())
    }

    /// Attaches `!prof !{"branch_weights", then, other}` to a conditional
    /// branch (from the interpreter's branch profile).
    fn weigh(&self, br: inkwell::values::InstructionValue<'ctx>, w: Option<(u32, u32)>) -> R<()> {
        let Some((a, b)) = w else { return Ok(()) };
        let ctx = self.f.get_type().get_context();
        let node = ctx.metadata_node(&[
            ctx.metadata_string("branch_weights").into(),
            self.i32t.const_int(a.max(1) as u64, false).into(),
            self.i32t.const_int(b.max(1) as u64, false).into(),
        ]);
        br.set_metadata(node, ctx.get_kind_id("prof"))
            .map_err(|x| format!("branch weights: {x:?}"))
    }

    fn term(
        &mut self,
        term: &Term,
        st: &[Ty],
        layout: &Layout,
        weights: Option<(u32, u32)>,
    ) -> R<()> {
        match *term {
            Term::Jump(k) => {
                self.b
                    .build_unconditional_branch(self.blocks[k])
                    .map_err(e)?;
            }
            Term::Branch { cond, then, other } => {
                // Ints and floats are true when non-zero (-0.0 is zero).
                let c = match st[cond as usize] {
                    Ty::Int => {
                        let x = self.load_int(cond)?;
                        self.b
                            .build_int_compare(IntPredicate::NE, x, self.const64(0), "")
                            .map_err(e)?
                    }
                    Ty::Float => {
                        let x = self.load_float(cond)?;
                        self.b
                            .build_float_compare(
                                FloatPredicate::UNE,
                                x,
                                self.f64t.const_float(0.0),
                                "",
                            )
                            .map_err(e)?
                    }
                    _ => self.load_bool(cond)?,
                };
                let br = self
                    .b
                    .build_conditional_branch(c, self.blocks[then], self.blocks[other])
                    .map_err(e)?;
                self.weigh(br, weights)?;
            }
            Term::BranchValue {
                cond,
                then,
                other,
                exit,
            } => {
                // Bools by their bit, ints by being non-zero, None as false,
                // everything else by the truth helper, which leaves the
                // instances whose truth is Python code to the interpreter.
                let bits = self.load_bits(cond)?;
                let ctx = self.f.get_type().get_context();
                let (is_bool, not_bool) = (
                    ctx.append_basic_block(self.f, ""),
                    ctx.append_basic_block(self.f, ""),
                );
                let tb = self.tag_is(bits, TAG_BOOL)?;
                self.b
                    .build_conditional_branch(tb, is_bool, not_bool)
                    .map_err(e)?;
                self.b.position_at_end(is_bool);
                let bit = self.b.build_int_truncate(bits, self.i1t, "").map_err(e)?;
                self.b
                    .build_conditional_branch(bit, self.blocks[then], self.blocks[other])
                    .map_err(e)?;
                self.b.position_at_end(not_bool);
                let (is_int, not_int) = (
                    ctx.append_basic_block(self.f, ""),
                    ctx.append_basic_block(self.f, ""),
                );
                let ti = self.tag_is(bits, TAG_INT)?;
                self.b
                    .build_conditional_branch(ti, is_int, not_int)
                    .map_err(e)?;
                self.b.position_at_end(is_int);
                let payload = self
                    .b
                    .build_left_shift(bits, self.const64(16), "")
                    .map_err(e)?;
                let nz = self
                    .b
                    .build_int_compare(IntPredicate::NE, payload, self.const64(0), "")
                    .map_err(e)?;
                self.b
                    .build_conditional_branch(nz, self.blocks[then], self.blocks[other])
                    .map_err(e)?;
                self.b.position_at_end(not_int);
                let none = self
                    .b
                    .build_int_compare(IntPredicate::EQ, bits, self.const64(TAG_NONE << 48), "")
                    .map_err(e)?;
                // Anything else: its truth by the helper (a miss when it
                // is Python code, `__bool__` or `__len__`: the interpreter's).
                let other_kind = ctx.append_basic_block(self.f, "truth");
                self.b
                    .build_conditional_branch(none, self.blocks[other], other_kind)
                    .map_err(e)?;
                self.b.position_at_end(other_kind);
                let r = self.call_int(
                    "strata_t2_truthy",
                    self.i64t,
                    &[self.thread.into(), bits.into()],
                )?;
                self.b
                    .build_switch(
                        r,
                        self.exits[exit],
                        &[
                            (
                                self.const64(runtime::value::Value::TRUE.bits()),
                                self.blocks[then],
                            ),
                            (
                                self.const64(runtime::value::Value::FALSE.bits()),
                                self.blocks[other],
                            ),
                        ],
                    )
                    .map_err(e)?;
            }
            Term::ForIter {
                pc,
                dst,
                body,
                done,
                exit,
            } => {
                self.flush(st, &self.clean_now)?;
                let status = self.step_call(pc)?;
                let ctx = self.f.get_type().get_context();
                let got = ctx.append_basic_block(self.f, "");
                self.b
                    .build_switch(
                        status,
                        self.exits[exit],
                        &[
                            (self.i32t.const_int(0, false), got),
                            (self.i32t.const_int(2, false), self.blocks[done]),
                        ],
                    )
                    .map_err(e)?;
                self.b.position_at_end(got);
                let v = self.load_frame(dst as usize)?;
                self.b
                    .build_store(self.slots[dst as usize].bits, v)
                    .map_err(e)?;
                self.b
                    .build_unconditional_branch(self.blocks[body])
                    .map_err(e)?;
            }
            Term::ForNext {
                pc: _,
                dst,
                it,
                body,
                done,
                exit,
            } => {
                let itv = self.boxed_bits(it, st[it as usize])?;
                let ctx = self.f.get_type().get_context();
                let got = ctx.append_basic_block(self.f, "next");
                let slow = ctx.append_basic_block(self.f, "next.slow");
                // Range and list iterators step inline; anything else, and
                // the last step (which also marks the iterator exhausted),
                // goes through the helper.
                let mut fast: Vec<(IntValue<'ctx>, BasicBlock<'ctx>)> = Vec::new();
                if let Some((l, il)) = self.object.and_then(|l| l.iter.map(|i| (l, i))) {
                    fast = self.iter_next_inline(itv, &l, &il, got, slow)?;
                } else {
                    self.b.build_unconditional_branch(slow).map_err(e)?;
                }
                self.b.position_at_end(slow);
                let r = self.call_int(
                    "strata_t2_for_next",
                    self.i64t,
                    &[self.thread.into(), itv.into()],
                )?;
                self.b
                    .build_switch(
                        r,
                        got,
                        &[
                            (self.const64(tier2_llvm::helpers::MISS), self.exits[exit]),
                            (self.const64(tier2_llvm::helpers::DONE), self.blocks[done]),
                        ],
                    )
                    .map_err(e)?;
                self.b.position_at_end(got);
                let phi = self.b.build_phi(self.i64t, "item").map_err(e)?;
                phi.add_incoming(&[(&r, slow)]);
                for (v, bb) in &fast {
                    phi.add_incoming(&[(v, *bb)]);
                }
                self.b
                    .build_store(self.slots[dst as usize].bits, phi.as_basic_value())
                    .map_err(e)?;
                self.b
                    .build_unconditional_branch(self.blocks[body])
                    .map_err(e)?;
            }
            Term::Return { pc, reg } => {
                let v = self.boxed_bits(reg, st[reg as usize])?;
                let i8t = self.f.get_type().get_context().i8_type();
                // SAFETY: a byte offset into the Thread (offset_of!).
                let p = unsafe {
                    self.b.build_in_bounds_gep(
                        i8t,
                        self.thread,
                        &[self.const64(layout.thread_exit_value)],
                        "exit_value",
                    )
                }
                .map_err(e)?;
                self.b.build_store(p, v).map_err(e)?;
                let code = self.const64(encode_exit(EXIT_RETURN, pc));
                self.b.build_return(Some(&code)).map_err(e)?;
            }
            Term::Inline { .. } => return Err("an inline call survived MIR building".into()),
            Term::Exit(x) => {
                self.b
                    .build_unconditional_branch(self.exits[x])
                    .map_err(e)?;
            }
        }
        let _ = (self.ptrt, self.region);
        Ok(())
    }
}
