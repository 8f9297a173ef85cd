//! Interned names the runtime looks up often (dunder methods and the like).

use crate::bytecode::BinOp;
use crate::gc::Gc;
use crate::object::Str;
use crate::thread::Thread;

macro_rules! names {
    ($($field:ident = $text:literal,)*) => {
        /// Interned `Str`s for common names, compared by identity.
        pub struct Names {
            $(pub $field: Gc<Str>,)*
            /// Per binary operator (`BinOp as usize`): its method, its
            /// reflected method and its in-place method.
            pub binops: [[Gc<Str>; 3]; BinOp::ALL.len()],
        }

        impl Names {
            pub(crate) fn create(t: &mut Thread) -> Names {
                // `binops` is indexed by `BinOp as usize`.
                debug_assert!(BinOp::ALL.iter().enumerate().all(|(k, op)| *op as usize == k));
                Names {
                    $($field: t.intern($text),)*
                    binops: BinOp::ALL.map(|op| {
                        let (f, r, i) = op.dunders();
                        [t.intern(f), t.intern(r), t.intern(i)]
                    }),
                }
            }
            pub(crate) fn placeholder(s: Gc<Str>) -> Names {
                Names { $($field: s,)* binops: [[s; 3]; BinOp::ALL.len()] }
            }
        }
    };
}

names! {
    init = "__init__",
    new = "__new__",
    repr = "__repr__",
    str_ = "__str__",
    hash = "__hash__",
    eq = "__eq__",
    ne = "__ne__",
    lt = "__lt__",
    le = "__le__",
    gt = "__gt__",
    ge = "__ge__",
    len = "__len__",
    bool_ = "__bool__",
    getitem = "__getitem__",
    setitem = "__setitem__",
    delitem = "__delitem__",
    contains = "__contains__",
    iter = "__iter__",
    next = "__next__",
    call = "__call__",
    neg = "__neg__",
    pos = "__pos__",
    invert = "__invert__",
    abs = "__abs__",
    index = "__index__",
    int_ = "__int__",
    float_ = "__float__",
    class = "__class__",
    dict = "__dict__",
    name = "__name__",
    qualname = "__qualname__",
    module = "__module__",
    doc = "__doc__",
    slots = "__slots__",
    classcell = "__classcell__",
    main = "__main__",
    args = "args",
    format = "__format__",
    getattr_ = "__getattr__",
    getattribute = "__getattribute__",
    setattr_ = "__setattr__",
    delattr_ = "__delattr__",
    get = "__get__",
    set_ = "__set__",
    round = "__round__",
    reversed = "__reversed__",
    missing = "__missing__",
    enter = "__enter__",
    exit = "__exit__",
    init_subclass = "__init_subclass__",
    traceback = "__traceback__",
    cause = "__cause__",
    context = "__context__",
    value = "value",
    send = "send",
}
