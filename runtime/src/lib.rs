//! The Strata runtime: values, heap objects and the garbage collector, the
//! opcode table and code objects, the object protocol (`ops`), builtin
//! functions and modules, and the helpers compiled code calls.
//!
//! Architecture invariant: this crate knows no interpreter. Code that must
//! run Python (calling a user `__eq__`, `sorted(key=...)`) goes through
//! `Thread::hooks`, which the interpreter installs.

pub mod builtins;
pub mod bytecode;
pub mod frame;
pub mod gc;
pub mod jit;
pub mod names;
pub mod num;
pub mod object;
pub mod ops;
pub mod table;
pub mod thread;
pub mod value;

/// Counts each thread's allocated bytes for the collector's trigger.
#[global_allocator]
static ALLOCATOR: gc::malloc_count::CountingAlloc = gc::malloc_count::CountingAlloc;

pub use gc::Gc;
pub use thread::Thread;
pub use value::Value;

/// Marker that an exception is being raised: the exception itself is in
/// `Thread::exc`. Helpers return it instead of unwinding (a panic across
/// compiled code would abort).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Raised;

/// The result of anything that can raise a Python exception.
pub type PyResult<T> = Result<T, Raised>;
