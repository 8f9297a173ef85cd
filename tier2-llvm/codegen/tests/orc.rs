//! Behaviour of the ORC session: calling compiled code, helpers and libm,
//! IR capture, freeing code, concurrent compiles, cross-target objects and
//! error paths.
//!
//! The tests share one process-wide `Session`, as the VM does, and run one at
//! a time so the RSS measurement is not disturbed by the others.

#[path = "../src/orc.rs"]
#[allow(dead_code)]
mod orc;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use inkwell::context::ContextRef;
use inkwell::module::{Linkage, Module};
use inkwell::targets::TargetMachine;
use inkwell::values::FunctionValue;

use orc::{Compiled, OptLevel, Session};

const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Session>();
    send_sync::<Compiled>();
};

fn session() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    SESSION.get_or_init(|| Session::new().expect("creating the ORC session"))
}

fn serial() -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

fn text<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// `i64 name(i64 a, i64 b) { return a + b + k; }`
fn add_k<'ctx>(
    ctx: &ContextRef<'ctx>,
    module: &Module<'ctx>,
    name: &str,
    k: u64,
) -> Result<(), String> {
    let i64t = ctx.i64_type();
    let function =
        module.add_function(name, i64t.fn_type(&[i64t.into(), i64t.into()], false), None);
    let builder = ctx.create_builder();
    builder.position_at_end(ctx.append_basic_block(function, "entry"));
    let a = function.get_nth_param(0).unwrap().into_int_value();
    let b = function.get_nth_param(1).unwrap().into_int_value();
    let sum = builder.build_int_add(a, b, "sum").map_err(text)?;
    let result = builder
        .build_int_add(sum, i64t.const_int(k, false), "result")
        .map_err(text)?;
    builder.build_return(Some(&result)).map_err(text)?;
    Ok(())
}

type BinI64 = extern "C" fn(i64, i64) -> i64;

fn as_bin_i64(compiled: &Compiled) -> BinI64 {
    // SAFETY: the tests only call this on functions built by `add_k` (or of
    // the same `i64 (i64, i64)` type), whose code stays alive until `free`.
    unsafe { std::mem::transmute::<usize, BinI64>(compiled.addr) }
}

fn compile_add(name: &str, k: u64, opt: OptLevel) -> Result<Compiled, String> {
    session().compile(name, name, opt, false, &|ctx, module| {
        add_k(ctx, module, name, k)
    })
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("reading /proc/self/status");
    let line = status
        .lines()
        .find(|line| line.starts_with("VmRSS:"))
        .expect("VmRSS line");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn add3_at_o2_runs() {
    let _serial = serial();
    let compiled = compile_add("add3", 3, OptLevel::O2).expect("compiling add3");
    let add3 = as_bin_i64(&compiled);
    assert_eq!(add3(1, 2), 6);
    assert_eq!(add3(-10, 4), -3);
    assert_eq!(add3(i64::MAX - 3, 0), i64::MAX);
    assert!(compiled.code_bytes > 0, "code_bytes should be measured");
    assert!(compiled.ir.is_none() && compiled.ir_opt.is_none());
    compiled.free(session());
}

#[test]
fn every_opt_level_compiles() {
    let _serial = serial();
    for (i, opt) in [OptLevel::O1, OptLevel::O2, OptLevel::O3]
        .into_iter()
        .enumerate()
    {
        let name = format!("levels_{i}");
        let compiled = compile_add(&name, 10, opt).expect("compiling");
        assert_eq!(as_bin_i64(&compiled)(1, 1), 12);
        compiled.free(session());
    }
}

static HELPER_CALLS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn times7(x: i64) -> i64 {
    HELPER_CALLS.fetch_add(1, Ordering::SeqCst);
    x * 7
}

/// Declares an external function `name` of type `ret (args...)`.
fn declare<'ctx>(
    module: &Module<'ctx>,
    name: &str,
    ty: inkwell::types::FunctionType<'ctx>,
) -> FunctionValue<'ctx> {
    module.add_function(name, ty, Some(Linkage::External))
}

#[test]
fn calls_rust_helper_and_libm() {
    let _serial = serial();
    let session = session();
    session
        .define_symbols(&[("strata_test_times7", times7 as *const () as usize)])
        .expect("defining the helper");
    let duplicate = session.define_symbols(&[("strata_test_times7", times7 as *const () as usize)]);
    assert!(duplicate.is_err(), "a helper may be defined once");
    let twice = session.define_symbols(&[("strata_test_a", 1), ("strata_test_a", 2)]);
    assert!(twice.is_err(), "a name repeated in one batch is refused");

    // i64 call_helper(i64 x, i64 unused) { return strata_test_times7(x) + 1; }
    let helper_user = session
        .compile(
            "call_helper",
            "call_helper",
            OptLevel::O2,
            false,
            &|ctx, module| {
                let i64t = ctx.i64_type();
                let helper = declare(
                    module,
                    "strata_test_times7",
                    i64t.fn_type(&[i64t.into()], false),
                );
                let function = module.add_function(
                    "call_helper",
                    i64t.fn_type(&[i64t.into(), i64t.into()], false),
                    None,
                );
                let builder = ctx.create_builder();
                builder.position_at_end(ctx.append_basic_block(function, "entry"));
                let x = function.get_nth_param(0).unwrap().into_int_value();
                let call = builder
                    .build_call(helper, &[x.into()], "call")
                    .map_err(text)?;
                let product = call.try_as_basic_value().basic().unwrap().into_int_value();
                let result = builder
                    .build_int_add(product, i64t.const_int(1, false), "result")
                    .map_err(text)?;
                builder.build_return(Some(&result)).map_err(text)?;
                Ok(())
            },
        )
        .expect("compiling call_helper");
    let before = HELPER_CALLS.load(Ordering::SeqCst);
    let call_helper = as_bin_i64(&helper_user);
    assert_eq!(call_helper(6, 0), 43);
    assert_eq!(call_helper(-1, 0), -6);
    assert_eq!(call_helper(0, 0), 1);
    assert_eq!(HELPER_CALLS.load(Ordering::SeqCst) - before, 3);
    helper_user.free(session);

    // double call_pow(double x, double y) { return pow(x, y); }
    let pow_user = session
        .compile(
            "call_pow",
            "call_pow",
            OptLevel::O2,
            false,
            &|ctx, module| {
                let f64t = ctx.f64_type();
                let ty = f64t.fn_type(&[f64t.into(), f64t.into()], false);
                let pow = declare(module, "pow", ty);
                let function = module.add_function("call_pow", ty, None);
                let builder = ctx.create_builder();
                builder.position_at_end(ctx.append_basic_block(function, "entry"));
                let x = function.get_nth_param(0).unwrap();
                let y = function.get_nth_param(1).unwrap();
                let call = builder
                    .build_call(pow, &[x.into(), y.into()], "pow")
                    .map_err(text)?;
                let value = call.try_as_basic_value().basic().unwrap();
                builder.build_return(Some(&value)).map_err(text)?;
                Ok(())
            },
        )
        .expect("compiling call_pow");
    // SAFETY: `call_pow` has type `double (double, double)` and is alive
    // until `free` below.
    let call_pow =
        unsafe { std::mem::transmute::<usize, extern "C" fn(f64, f64) -> f64>(pow_user.addr) };
    assert_eq!(call_pow(2.0, 10.0), 1024.0);
    assert_eq!(call_pow(1.5, 2.5), 1.5f64.powf(2.5));
    assert_eq!(call_pow(9.0, 0.5), 3.0);
    pow_user.free(session);
}

#[test]
fn want_ir_returns_text_before_and_after_optimisation() {
    let _serial = serial();
    // i64 ir_probe(i64 x, i64 unused) { i64 slot = x; return slot + 1; }
    // The stack slot is an `alloca` before the pipeline and gone after it.
    let compiled = session()
        .compile(
            "ir_probe_module",
            "ir_probe",
            OptLevel::O2,
            true,
            &|ctx, module| {
                let i64t = ctx.i64_type();
                let function = module.add_function(
                    "ir_probe",
                    i64t.fn_type(&[i64t.into(), i64t.into()], false),
                    None,
                );
                let builder = ctx.create_builder();
                builder.position_at_end(ctx.append_basic_block(function, "entry"));
                let slot = builder.build_alloca(i64t, "slot").map_err(text)?;
                let x = function.get_nth_param(0).unwrap();
                builder.build_store(slot, x).map_err(text)?;
                let loaded = builder.build_load(i64t, slot, "loaded").map_err(text)?;
                let result = builder
                    .build_int_add(loaded.into_int_value(), i64t.const_int(1, false), "result")
                    .map_err(text)?;
                builder.build_return(Some(&result)).map_err(text)?;
                Ok(())
            },
        )
        .expect("compiling ir_probe");
    let ir = compiled.ir.as_deref().expect("IR before optimisation");
    let ir_opt = compiled.ir_opt.as_deref().expect("IR after optimisation");
    assert!(ir.contains("@ir_probe("), "{ir}");
    assert!(ir_opt.contains("@ir_probe("), "{ir_opt}");
    assert!(ir.contains("alloca"), "{ir}");
    assert!(!ir_opt.contains("alloca"), "{ir_opt}");
    assert_eq!(as_bin_i64(&compiled)(41, 0), 42);
    compiled.free(session());
}

#[test]
fn freeing_keeps_rss_flat() {
    let _serial = serial();
    let mut rss_after_100 = 0;
    for i in 0..1000u64 {
        let name = format!("rss_unit_{i}");
        let compiled = compile_add(&name, i, OptLevel::O2).expect("compiling");
        assert_eq!(as_bin_i64(&compiled)(1, 2), 3 + i as i64);
        compiled.free(session());
        if i == 99 {
            rss_after_100 = rss_kib();
        }
    }
    let rss_end = rss_kib();
    eprintln!("RSS after 100 units: {rss_after_100} KiB, after 1000: {rss_end} KiB");
    assert!(
        rss_end <= rss_after_100 + 20 * 1024,
        "RSS grew from {rss_after_100} KiB to {rss_end} KiB"
    );
}

#[test]
fn two_threads_compile_concurrently() {
    let _serial = serial();
    let session = session();
    std::thread::scope(|scope| {
        for t in 0..2u64 {
            scope.spawn(move || {
                for i in 0..50u64 {
                    let name = format!("thread{t}_unit{i}");
                    let k = t * 1000 + i;
                    let compiled = session
                        .compile(&name, &name, OptLevel::O2, i % 10 == 0, &|ctx, module| {
                            add_k(ctx, module, &name, k)
                        })
                        .expect("compiling on a worker thread");
                    assert_eq!(as_bin_i64(&compiled)(5, 6), 11 + k as i64);
                    compiled.free(session);
                }
            });
        }
    });
}

/// `i64 sum_to(i64 n)`: a loop, so the object has real code in it.
fn sum_to<'ctx>(ctx: &ContextRef<'ctx>, module: &Module<'ctx>) -> Result<(), String> {
    let i64t = ctx.i64_type();
    let function = module.add_function("sum_to", i64t.fn_type(&[i64t.into()], false), None);
    let builder = ctx.create_builder();
    let entry = ctx.append_basic_block(function, "entry");
    let body = ctx.append_basic_block(function, "body");
    let exit = ctx.append_basic_block(function, "exit");
    let n = function.get_nth_param(0).unwrap().into_int_value();
    let zero = i64t.const_zero();
    builder.position_at_end(entry);
    builder.build_unconditional_branch(body).map_err(text)?;
    builder.position_at_end(body);
    let i = builder.build_phi(i64t, "i").map_err(text)?;
    let acc = builder.build_phi(i64t, "acc").map_err(text)?;
    let i_val = i.as_basic_value().into_int_value();
    let acc_val = acc.as_basic_value().into_int_value();
    let acc_next = builder
        .build_int_add(acc_val, i_val, "acc_next")
        .map_err(text)?;
    let i_next = builder
        .build_int_add(i_val, i64t.const_int(1, false), "i_next")
        .map_err(text)?;
    let done = builder
        .build_int_compare(inkwell::IntPredicate::SGT, i_next, n, "done")
        .map_err(text)?;
    builder
        .build_conditional_branch(done, exit, body)
        .map_err(text)?;
    i.add_incoming(&[(&zero, entry), (&i_next, body)]);
    acc.add_incoming(&[(&zero, entry), (&acc_next, body)]);
    builder.position_at_end(exit);
    builder.build_return(Some(&acc_next)).map_err(text)?;
    Ok(())
}

fn e_machine(object: &[u8]) -> u16 {
    assert!(
        object.len() > 64,
        "object too short: {} bytes",
        object.len()
    );
    assert_eq!(&object[..4], b"\x7fELF", "ELF magic");
    assert_eq!(object[4], 2, "ELFCLASS64");
    assert_eq!(u16::from_le_bytes([object[16], object[17]]), 1, "ET_REL");
    u16::from_le_bytes([object[18], object[19]])
}

#[test]
fn emit_object_for_aarch64_and_host() {
    let _serial = serial();
    let aarch64 = Session::emit_object("aarch64-unknown-linux-gnu", OptLevel::O2, &sum_to)
        .expect("emitting for AArch64");
    assert_eq!(e_machine(&aarch64), 183, "EM_AARCH64");

    let host = TargetMachine::get_default_triple();
    let host = host.as_str().to_str().unwrap();
    let object = Session::emit_object(host, OptLevel::O2, &sum_to).expect("emitting for the host");
    assert_eq!(e_machine(&object), 62, "EM_X86_64");

    let unknown = Session::emit_object("riscv64-unknown-linux-gnu", OptLevel::O2, &sum_to);
    assert!(
        unknown.is_err(),
        "targets that are not built in are refused"
    );
}

#[test]
fn errors_are_returned_not_printed() {
    let _serial = serial();
    // A session of its own, so `take_errors` sees only this test's errors.
    let session = Session::new().expect("creating a second session");

    // A block without a terminator fails the verifier.
    let invalid = session.compile("invalid", "invalid", OptLevel::O2, false, &|ctx, module| {
        let i64t = ctx.i64_type();
        let function = module.add_function("invalid", i64t.fn_type(&[], false), None);
        let builder = ctx.create_builder();
        builder.position_at_end(ctx.append_basic_block(function, "entry"));
        builder
            .build_int_add(i64t.const_int(1, false), i64t.const_int(2, false), "x")
            .map_err(text)?;
        Ok(())
    });
    let message = invalid.expect_err("an unterminated block is invalid");
    assert!(message.contains("invalid"), "{message}");

    // An error from `build` itself comes back unchanged.
    let refused = session.compile("refused", "refused", OptLevel::O2, false, &|_, _| {
        Err("unsupported bytecode".to_owned())
    });
    assert_eq!(refused.unwrap_err(), "unsupported bytecode");

    // An entry that the module does not define.
    let missing = session.compile(
        "missing",
        "not_there",
        OptLevel::O2,
        false,
        &|ctx, module| add_k(ctx, module, "is_there", 0),
    );
    assert!(missing.is_err());

    // A call to a symbol nobody defines fails when linking.
    let unresolved = session.compile(
        "unresolved",
        "unresolved",
        OptLevel::O2,
        false,
        &|ctx, module| {
            let i64t = ctx.i64_type();
            let callee = declare(module, "strata_no_such_symbol", i64t.fn_type(&[], false));
            let function = module.add_function("unresolved", i64t.fn_type(&[], false), None);
            let builder = ctx.create_builder();
            builder.position_at_end(ctx.append_basic_block(function, "entry"));
            let call = builder.build_call(callee, &[], "call").map_err(text)?;
            let value = call.try_as_basic_value().basic().unwrap();
            builder.build_return(Some(&value)).map_err(text)?;
            Ok(())
        },
    );
    let message = unresolved.expect_err("an unresolved symbol fails");
    eprintln!("unresolved symbol error: {message}");
    assert!(message.contains("strata_no_such_symbol"), "{message}");
    let reported = session.take_errors();
    assert!(
        reported.contains("strata_no_such_symbol"),
        "reported: {reported}"
    );
    assert!(
        session.take_errors().is_empty(),
        "take_errors empties the buffer"
    );

    // A second unit defining a name that is already live is refused.
    let first = session
        .compile("dup_a", "dup", OptLevel::O2, false, &|ctx, module| {
            add_k(ctx, module, "dup", 1)
        })
        .expect("first definition");
    let second = session.compile("dup_b", "dup", OptLevel::O2, false, &|ctx, module| {
        add_k(ctx, module, "dup", 2)
    });
    assert!(second.is_err(), "duplicate definition of `dup`");
    assert_eq!(
        as_bin_i64(&first)(0, 0),
        1,
        "the first definition still works"
    );
    first.free(&session);

    // After all that, the session still compiles.
    let fine = session
        .compile("fine", "fine", OptLevel::O2, false, &|ctx, module| {
            add_k(ctx, module, "fine", 5)
        })
        .expect("compiling after errors");
    assert_eq!(as_bin_i64(&fine)(1, 1), 7);
    fine.free(&session);
}

#[test]
fn compile_latency() {
    let _serial = serial();
    let start = Instant::now();
    let session = Session::new().expect("creating a session");
    let create = start.elapsed();
    let mut times = Vec::new();
    let mut code_bytes = 0;
    for i in 0..51 {
        let name = format!("latency_{i}");
        let start = Instant::now();
        let compiled = session
            .compile(&name, &name, OptLevel::O2, false, &|ctx, module| {
                add_k(ctx, module, &name, 3)
            })
            .expect("compiling");
        times.push(start.elapsed());
        assert_eq!(as_bin_i64(&compiled)(1, 2), 6);
        code_bytes = compiled.code_bytes;
        compiled.free(&session);
    }
    let first = times[0];
    let mut later: Vec<Duration> = times[1..].to_vec();
    later.sort();
    let median = later[later.len() / 2];
    eprintln!(
        "Session::new {create:?}; add3 at O2: first compile {first:?}, median of next 50 {median:?}, \
         min {:?}, max {:?}; code_bytes {code_bytes}",
        later[0],
        later[later.len() - 1]
    );
    assert!(
        code_bytes > 0 && code_bytes < 64,
        "add3 is a few instructions: {code_bytes}"
    );
}
