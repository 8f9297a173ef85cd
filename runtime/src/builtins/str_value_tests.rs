//! Tests of the `str` methods, `format()`, `str.format` and `%` at the
//! value level (argument handling and error messages), on a `Thread`
//! without an interpreter. Each expected text is CPython 3.11's `repr` of
//! the result (or `!Class: message`) for the expression in the comment.

use crate::object::*;
use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

#[path = "str_vectors.rs"]
mod vectors;

fn render(t: &mut Thread, r: PyResult<Value>) -> String {
    match r {
        Ok(v) => ops::repr_string(t, v).unwrap(),
        Err(_) => {
            let e = t.exc;
            let cls = t.type_name(e);
            let msg = ops::repr::exception_str(t, e).unwrap();
            format!("!{cls}: {msg}")
        }
    }
}

/// Calls `str.<name>(recv, *args, **kws)`.
fn call(
    t: &mut Thread,
    name: &str,
    recv: Option<Value>,
    args: &[Value],
    kws: &[(&str, Value)],
) -> String {
    let n = t.intern(name);
    let f = t.classes.str.lookup(n).expect("method exists");
    let mut argv: Vec<Value> = recv.into_iter().collect();
    argv.extend_from_slice(args);
    let kwnames = if kws.is_empty() {
        None
    } else {
        let names: Vec<Value> = kws.iter().map(|(k, _)| t.intern(k).as_value()).collect();
        argv.extend(kws.iter().map(|(_, v)| *v));
        let tu = t.new_tuple(names);
        Some(ops::cast::<Tuple>(tu).unwrap())
    };
    let r = ops::call(t, f, &argv, kwnames);
    render(t, r)
}

struct T {
    t: Box<Thread>,
}

impl T {
    fn new() -> T {
        T { t: Thread::new() }
    }
    fn s(&mut self, s: &str) -> Value {
        self.t.new_str(s)
    }
    fn i(&mut self, i: i64) -> Value {
        self.t.new_int(i)
    }
    fn big(&mut self, digits: &str) -> Value {
        let b: num_bigint::BigInt = digits.parse().unwrap();
        self.t.new_bigint(b)
    }
    fn tuple(&mut self, items: Vec<Value>) -> Value {
        self.t.new_tuple(items)
    }
    fn dict(&mut self, items: &[(Value, Value)]) -> Value {
        let d = self.t.new_dict();
        for (k, v) in items {
            ops::dict::set(&mut self.t, d, *k, *v).unwrap();
        }
        d.as_value()
    }
    fn list(&mut self, items: Vec<Value>) -> Value {
        self.t.new_list(items)
    }
    /// `recv.name(*args)`.
    fn m(&mut self, recv: &str, name: &str, args: &[Value]) -> String {
        let r = self.s(recv);
        call(&mut self.t, name, Some(r), args, &[])
    }
    /// `recv.name(*args, **kws)`.
    fn mk(&mut self, recv: &str, name: &str, args: &[Value], kws: &[(&str, Value)]) -> String {
        let r = self.s(recv);
        call(&mut self.t, name, Some(r), args, kws)
    }
    /// `fmt % args`.
    fn pct(&mut self, fmt: &str, args: Value) -> String {
        let f = self.s(fmt);
        let r = super::super::format::percent_format(&mut self.t, f, args);
        render(&mut self.t, r)
    }
    /// `format(v, spec)`.
    fn fmt(&mut self, v: Value, spec: &str) -> String {
        let r = super::super::format::format(&mut self.t, v, spec);
        render(&mut self.t, r)
    }
}

#[test]
fn split_family() {
    let mut c = T::new();
    let (comma, one, none) = (c.s(","), c.i(1), Value::NONE);
    // '  a b  c  '.split(None, 1), '  a b  c  '.rsplit(maxsplit=1)
    assert_eq!(c.m("  a b  c  ", "split", &[none, one]), "['a', 'b  c  ']");
    assert_eq!(
        c.mk("  a b  c  ", "rsplit", &[], &[("maxsplit", one)]),
        "['  a b', 'c']"
    );
    // 'a,b,,c'.split(sep=','), 'a,b,,c'.rsplit(',', 1)
    assert_eq!(
        c.mk("a,b,,c", "split", &[], &[("sep", comma)]),
        "['a', 'b', '', 'c']"
    );
    assert_eq!(c.m("a,b,,c", "rsplit", &[comma, one]), "['a,b,', 'c']");
    // 'a'.split(foo=1), 'a'.split(1), 'a'.split(''), 'a'.split(' ', 'x'), 'a'.split(' ', 1, 2)
    assert_eq!(
        c.mk("a", "split", &[], &[("foo", one)]),
        "!TypeError: 'foo' is an invalid keyword argument for split()"
    );
    assert_eq!(
        c.m("a", "split", &[one]),
        "!TypeError: must be str or None, not int"
    );
    let (empty, space, x, two) = (c.s(""), c.s(" "), c.s("x"), c.i(2));
    assert_eq!(c.m("a", "split", &[empty]), "!ValueError: empty separator");
    assert_eq!(
        c.m("a", "split", &[space, x]),
        "!TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(
        c.m("a", "split", &[space, one, two]),
        "!TypeError: split() takes at most 2 arguments (3 given)"
    );
    // 'a'.split(',', sep=','), 'a'.split(None, None), 'a'.split(' ', True)
    assert_eq!(
        c.mk("a", "split", &[comma], &[("sep", comma)]),
        "!TypeError: argument for split() given by name ('sep') and position (1)"
    );
    assert_eq!(
        c.m("a", "split", &[none, none]),
        "!TypeError: 'NoneType' object cannot be interpreted as an integer"
    );
    assert_eq!(c.m("a", "split", &[space, Value::TRUE]), "['a']");
    // 'a'.split(' ', 10**30)
    let huge = c.big("1000000000000000000000000000000");
    assert_eq!(
        c.m("a", "split", &[space, huge]),
        "!OverflowError: Python int too large to convert to C ssize_t"
    );
    // 'a\r\nb\rc\n'.splitlines(True), 'x'.splitlines(keepends=True), 'a'.splitlines(1.5)
    assert_eq!(
        c.m("a\r\nb\rc\n", "splitlines", &[Value::TRUE]),
        "['a\\r\\n', 'b\\r', 'c\\n']"
    );
    assert_eq!(
        c.mk("x", "splitlines", &[], &[("keepends", Value::TRUE)]),
        "['x']"
    );
    assert_eq!(
        c.m("a", "splitlines", &[Value::float(1.5)]),
        "!TypeError: 'float' object cannot be interpreted as an integer"
    );
    // 'a'.splitlines(True, keepends=True)
    assert_eq!(
        c.mk(
            "a",
            "splitlines",
            &[Value::TRUE],
            &[("keepends", Value::TRUE)]
        ),
        "!TypeError: splitlines() takes at most 1 argument (2 given)"
    );
    // 'abcb'.rpartition('b'), 'abc'.partition('x'), 'abc'.rpartition('x'), 'a'.partition('')
    let (b, xx) = (c.s("b"), c.s("x"));
    assert_eq!(c.m("abcb", "rpartition", &[b]), "('abc', 'b', '')");
    assert_eq!(c.m("abc", "partition", &[xx]), "('abc', '', '')");
    assert_eq!(c.m("abc", "rpartition", &[xx]), "('', '', 'abc')");
    assert_eq!(
        c.m("a", "partition", &[empty]),
        "!ValueError: empty separator"
    );
    // 'a'.partition(1), 'a'.partition()
    assert_eq!(
        c.m("a", "partition", &[one]),
        "!TypeError: must be str, not int"
    );
    assert_eq!(
        c.m("a", "partition", &[]),
        "!TypeError: str.partition() takes exactly one argument (0 given)"
    );
}

#[test]
fn search_family() {
    let mut c = T::new();
    let (a, b, one, none) = (c.s("a"), c.s("b"), c.i(1), Value::NONE);
    let (w, two, nine, l, three) = (c.s("w"), c.i(2), c.i(9), c.s("l"), c.i(3));
    // 'héllo wörld'.index('w', 2, 9), 'héllo wörld'.count('l', 3), 'a'.find('a', None, None)
    assert_eq!(c.m("héllo wörld", "index", &[w, two, nine]), "6");
    assert_eq!(c.m("héllo wörld", "count", &[l, three]), "2");
    assert_eq!(c.m("a", "find", &[a, none, none]), "0");
    // 'a'.index('b'), 'a'.rindex('b'), 'a'.find(1), 'a'.find()
    assert_eq!(c.m("a", "index", &[b]), "!ValueError: substring not found");
    assert_eq!(c.m("a", "rindex", &[b]), "!ValueError: substring not found");
    assert_eq!(c.m("a", "find", &[one]), "!TypeError: must be str, not int");
    assert_eq!(
        c.m("a", "find", &[]),
        "!TypeError: find() takes at least 1 argument (0 given)"
    );
    // 'a'.find('a', 'x'), 'a'.find('a', 0, 1, 2), 'a'.find('a', start=1)
    let (x, zero) = (c.s("x"), c.i(0));
    assert_eq!(
        c.m("a", "find", &[a, x]),
        "!TypeError: slice indices must be integers or None or have an __index__ method"
    );
    assert_eq!(
        c.m("a", "find", &[a, zero, one, two]),
        "!TypeError: find() takes at most 3 arguments (4 given)"
    );
    assert_eq!(
        c.mk("a", "find", &[a], &[("start", one)]),
        "!TypeError: str.find() takes no keyword arguments"
    );
    // 'a'.find('a', 10**30), 'a'.find('a', -10**30)
    let (huge, neg) = (
        c.big("1000000000000000000000000000000"),
        c.big("-1000000000000000000000000000000"),
    );
    assert_eq!(c.m("a", "find", &[a, huge]), "-1");
    assert_eq!(c.m("a", "find", &[a, neg]), "0");
    // 'a'.startswith(1), 'a'.startswith((1,)), 'a'.endswith(('a', 1)), 'a'.startswith()
    let t1 = c.tuple(vec![one]);
    let ta1 = c.tuple(vec![a, one]);
    assert_eq!(
        c.m("a", "startswith", &[one]),
        "!TypeError: startswith first arg must be str or a tuple of str, not int"
    );
    assert_eq!(
        c.m("a", "startswith", &[t1]),
        "!TypeError: tuple for startswith must only contain str, not int"
    );
    assert_eq!(c.m("a", "endswith", &[ta1]), "True");
    assert_eq!(
        c.m("a", "startswith", &[]),
        "!TypeError: startswith() takes at least 1 argument (0 given)"
    );
    // 'abc'.endswith(('x', 'c'), 0, 3), 'abc'.startswith('', 4)
    let (cc, e) = (c.s("c"), c.s(""));
    let txc = c.tuple(vec![x, cc]);
    let four = c.i(4);
    assert_eq!(c.m("abc", "endswith", &[txc, zero, three]), "True");
    assert_eq!(c.m("abc", "startswith", &[e, four]), "False");
    // 'abc'.replace('', '-', 2), 'a'.replace('a'), 'a'.replace(1, 'b'), 'a'.replace('a', 2)
    let dash = c.s("-");
    assert_eq!(c.m("abc", "replace", &[e, dash, two]), "'-a-bc'");
    assert_eq!(
        c.m("a", "replace", &[a]),
        "!TypeError: replace expected at least 2 arguments, got 1"
    );
    assert_eq!(
        c.m("a", "replace", &[one, b]),
        "!TypeError: replace() argument 1 must be str, not int"
    );
    assert_eq!(
        c.m("a", "replace", &[a, two]),
        "!TypeError: replace() argument 2 must be str, not int"
    );
    // 'a'.replace('a', 'b', count=1), 'a'.replace('a', 'b', 'c')
    assert_eq!(
        c.mk("a", "replace", &[a, b], &[("count", one)]),
        "!TypeError: str.replace() takes no keyword arguments"
    );
    assert_eq!(
        c.m("a", "replace", &[a, b, cc]),
        "!TypeError: 'str' object cannot be interpreted as an integer"
    );
    // 'abc'.removeprefix('ab'), 'a'.removeprefix(1), 'a'.removesuffix(1)
    let ab = c.s("ab");
    assert_eq!(c.m("abc", "removeprefix", &[ab]), "'c'");
    assert_eq!(
        c.m("a", "removeprefix", &[one]),
        "!TypeError: removeprefix() argument must be str, not int"
    );
    assert_eq!(
        c.m("a", "removesuffix", &[one]),
        "!TypeError: removesuffix() argument must be str, not int"
    );
}

#[test]
fn layout_and_case() {
    let mut c = T::new();
    let (one, five, x, xy, star, e) = (c.i(1), c.i(5), c.s("x"), c.s("xy"), c.s("*"), c.s(""));
    // 'ab'.center(5, '*'), 'a'.center(), 'a'.center('x'), 'a'.center(5, 'xy'), 'a'.center(5, 1)
    assert_eq!(c.m("ab", "center", &[five, star]), "'**ab*'");
    assert_eq!(
        c.m("a", "center", &[]),
        "!TypeError: center expected at least 1 argument, got 0"
    );
    assert_eq!(
        c.m("a", "center", &[x]),
        "!TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(
        c.m("a", "center", &[five, xy]),
        "!TypeError: The fill character must be exactly one character long"
    );
    assert_eq!(
        c.m("a", "center", &[five, one]),
        "!TypeError: The fill character must be a unicode character, not int"
    );
    // 'a'.center(5, fillchar='x'), 'a'.ljust(5, ''), 'a'.zfill(), '-42'.zfill(5)
    assert_eq!(
        c.mk("a", "center", &[five], &[("fillchar", x)]),
        "!TypeError: str.center() takes no keyword arguments"
    );
    assert_eq!(
        c.m("a", "ljust", &[five, e]),
        "!TypeError: The fill character must be exactly one character long"
    );
    assert_eq!(
        c.m("a", "zfill", &[]),
        "!TypeError: str.zfill() takes exactly one argument (0 given)"
    );
    assert_eq!(c.m("-42", "zfill", &[five]), "'-0042'");
    // 'a'.strip(1), 'a'.lstrip(1), 'a'.strip(chars='x'), 'a'.strip('a', 'b'), 'xxaxx'.strip('x')
    assert_eq!(
        c.m("a", "strip", &[one]),
        "!TypeError: strip arg must be None or str"
    );
    assert_eq!(
        c.m("a", "lstrip", &[one]),
        "!TypeError: lstrip arg must be None or str"
    );
    assert_eq!(
        c.mk("a", "strip", &[], &[("chars", x)]),
        "!TypeError: str.strip() takes no keyword arguments"
    );
    assert_eq!(
        c.m("a", "strip", &[x, x]),
        "!TypeError: strip expected at most 1 argument, got 2"
    );
    assert_eq!(c.m("xxaxx", "strip", &[x]), "'a'");
    // 'a\tb'.expandtabs(tabsize=True), 'a'.expandtabs(foo=1), 'a'.expandtabs(8, tabsize=8)
    assert_eq!(
        c.mk("a\tb", "expandtabs", &[], &[("tabsize", Value::TRUE)]),
        "'a b'"
    );
    assert_eq!(
        c.mk("a", "expandtabs", &[], &[("foo", one)]),
        "!TypeError: 'foo' is an invalid keyword argument for expandtabs()"
    );
    let eight = c.i(8);
    assert_eq!(
        c.mk("a", "expandtabs", &[eight], &[("tabsize", eight)]),
        "!TypeError: expandtabs() takes at most 1 argument (2 given)"
    );
    // 'hello world'.title(), 'a'.upper(1), 'ΣΑΣ ΑΣ'.title(), 'é'.isascii(), '²'.isdigit()
    assert_eq!(c.m("hello world", "title", &[]), "'Hello World'");
    assert_eq!(
        c.m("a", "upper", &[one]),
        "!TypeError: str.upper() takes no arguments (1 given)"
    );
    assert_eq!(c.m("ΣΑΣ ΑΣ", "title", &[]), "'Σας Ας'");
    assert_eq!(c.m("é", "isascii", &[]), "False");
    assert_eq!(c.m("²", "isdigit", &[]), "True");
    // str.upper(1), str.upper()
    assert_eq!(
        call(&mut c.t, "upper", Some(one), &[], &[]),
        "!TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object"
    );
    assert_eq!(
        call(&mut c.t, "upper", None, &[], &[]),
        "!TypeError: unbound method str.upper() needs an argument"
    );
    // 'x'.join('abc'), 'a'.join(5), 'a'.join(['a', 2]), 'a'.join(iter([]))
    let abc = c.s("abc");
    assert_eq!(c.m("x", "join", &[abc]), "'axbxc'");
    assert_eq!(
        c.m("a", "join", &[five]),
        "!TypeError: can only join an iterable"
    );
    let a = c.s("a");
    let two = c.i(2);
    let l = c.list(vec![a, two]);
    assert_eq!(
        c.m("a", "join", &[l]),
        "!TypeError: sequence item 1: expected str instance, int found"
    );
}

#[test]
fn translate_family() {
    let mut c = T::new();
    let (a, b, cc, xy, one, hundred) = (c.s("a"), c.s("b"), c.s("c"), c.s("xy"), c.i(1), c.i(100));
    let (k97, k98, k99) = (c.i(97), c.i(98), c.i(99));
    // 'abc'.translate({97: 'xy', 98: None, 99: 100})
    let d = c.dict(&[(k97, xy), (k98, Value::NONE), (k99, hundred)]);
    assert_eq!(c.m("abc", "translate", &[d]), "'xyd'");
    // 'a'.translate({97: 1.5}), 'a'.translate({97: 0x110000}), 'a'.translate(5)
    let d = c.dict(&[(k97, Value::float(1.5))]);
    assert_eq!(
        c.m("a", "translate", &[d]),
        "!TypeError: character mapping must return integer, None or str"
    );
    let big = c.i(0x110000);
    let d = c.dict(&[(k97, big)]);
    assert_eq!(
        c.m("a", "translate", &[d]),
        "!ValueError: character mapping must be in range(0x110000)"
    );
    let five = c.i(5);
    assert_eq!(
        c.m("a", "translate", &[five]),
        "!TypeError: 'int' object is not subscriptable"
    );
    // 'abc'.translate(['x']*100)
    let x = c.s("x");
    let l = c.list(vec![x; 100]);
    assert_eq!(c.m("abc", "translate", &[l]), "'xxx'");
    // str.maketrans('ab', 'cd', 'e'), str.maketrans({'a': 'b', 98: None})
    let (ab, cd, e) = (c.s("ab"), c.s("cd"), c.s("e"));
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[ab, cd, e], &[]),
        "{97: 99, 98: 100, 101: None}"
    );
    let d = c.dict(&[(a, b), (k98, Value::NONE)]);
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[d], &[]),
        "{97: 'b', 98: None}"
    );
    // str.maketrans(1), str.maketrans({'ab': 1}), str.maketrans({1.5: 1}), str.maketrans('ab', 'c')
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[one], &[]),
        "!TypeError: if you give only one argument to maketrans it must be a dict"
    );
    let d = c.dict(&[(ab, one)]);
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[d], &[]),
        "!ValueError: string keys in translate table must be of length 1"
    );
    let d = c.dict(&[(Value::float(1.5), one)]);
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[d], &[]),
        "!TypeError: keys in translate table must be strings or integers"
    );
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[ab, cc], &[]),
        "!ValueError: the first two maketrans arguments must have equal length"
    );
    // str.maketrans(1, 'c'), str.maketrans('a', 1), str.maketrans()
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[one, cc], &[]),
        "!TypeError: first maketrans argument must be a string if there is a second argument"
    );
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[a, one], &[]),
        "!TypeError: maketrans() argument 2 must be str, not int"
    );
    assert_eq!(
        call(&mut c.t, "maketrans", None, &[], &[]),
        "!TypeError: maketrans expected at least 1 argument, got 0"
    );
}

#[test]
fn str_format() {
    let mut c = T::new();
    let (one, two, three, a) = (c.i(1), c.i(2), c.i(3), c.s("a"));
    // '{:{}}{}'.format('a', 3, 'b'), '{x:{y}}'.format(x='a', y=3), '{!r:>10}'.format('a')
    let b = c.s("b");
    assert_eq!(c.m("{:{}}{}", "format", &[a, three, b]), "'a  b'");
    assert_eq!(
        c.mk("{x:{y}}", "format", &[], &[("x", a), ("y", three)]),
        "'a  '"
    );
    assert_eq!(c.m("{!r:>10}", "format", &[a]), "\"       'a'\"");
    // '{0[0][1]}'.format([[1,2]]), '{0[-1]}'.format({'-1': 5}), '{0.real.imag}'.format(3)
    let inner = c.list(vec![one, two]);
    let outer = c.list(vec![inner]);
    assert_eq!(c.m("{0[0][1]}", "format", &[outer]), "'2'");
    let (k, five) = (c.s("-1"), c.i(5));
    let d = c.dict(&[(k, five)]);
    assert_eq!(c.m("{0[-1]}", "format", &[d]), "'5'");
    assert_eq!(
        c.m("{0[-1]}", "format", &[outer]),
        "!TypeError: list indices must be integers or slices, not str"
    );
    // '{} {0}'.format(1), '{1}'.format(1), '{a}'.format(b=1), '{0[5]}'.format([1])
    assert_eq!(
        c.m("{} {0}", "format", &[one]),
        "!ValueError: cannot switch from automatic field numbering to manual field specification"
    );
    assert_eq!(
        c.m("{1}", "format", &[one]),
        "!IndexError: Replacement index 1 out of range for positional args tuple"
    );
    assert_eq!(c.mk("{a}", "format", &[], &[("b", one)]), "!KeyError: 'a'");
    let l1 = c.list(vec![one]);
    assert_eq!(
        c.m("{0[5]}", "format", &[l1]),
        "!IndexError: list index out of range"
    );
    // '{0:{1:{2}}}'.format(1,2,3), '{0:x}'.format([1]), '{0!x}'.format(1), '{:%}'.format(True)
    assert_eq!(
        c.m("{0:{1:{2}}}", "format", &[one, two, three]),
        "!ValueError: Max string recursion exceeded"
    );
    assert_eq!(
        c.m("{0:x}", "format", &[l1]),
        "!TypeError: unsupported format string passed to list.__format__"
    );
    assert_eq!(
        c.m("{0!x}", "format", &[one]),
        "!ValueError: Unknown conversion specifier x"
    );
    assert_eq!(c.m("{:%}", "format", &[Value::TRUE]), "'100.000000%'");
    // '{}'.format(True), '{:d}'.format(True), '{:5}'.format(True), '{0!a}'.format('é')
    assert_eq!(c.m("{}", "format", &[Value::TRUE]), "'True'");
    assert_eq!(c.m("{:d}", "format", &[Value::TRUE]), "'1'");
    assert_eq!(c.m("{:5}", "format", &[Value::TRUE]), "'    1'");
    let e = c.s("é");
    assert_eq!(c.m("{0!a}", "format", &[e]), "\"'\\\\xe9'\"");
    // '{{{}}}'.format(1), '{0.foo}'.format(1), '{:,}'.format(1234567.891)
    assert_eq!(c.m("{{{}}}", "format", &[one]), "'{1}'");
    assert_eq!(
        c.m("{0.foo}", "format", &[one]),
        "!AttributeError: 'int' object has no attribute 'foo'"
    );
    assert_eq!(
        c.m("{:,}", "format", &[Value::float(1234567.891)]),
        "'1,234,567.891'"
    );
    // '{0}'.format_map({}), '{a}'.format_map({}), '{a}'.format_map({'a': 1}), 'a'.format_map(5)
    let empty = c.dict(&[]);
    assert_eq!(
        c.m("{0}", "format_map", &[empty]),
        "!ValueError: Format string contains positional fields"
    );
    assert_eq!(c.m("{a}", "format_map", &[empty]), "!KeyError: 'a'");
    let da = c.dict(&[(a, one)]);
    assert_eq!(c.m("{a}", "format_map", &[da]), "'1'");
    assert_eq!(c.m("a", "format_map", &[five]), "'a'");
}

#[test]
fn format_builtin() {
    let mut c = T::new();
    let (one, l1) = (c.i(1), Value::NONE);
    // format(1, 'xx'), format(True, 's'), format(None, '>5'), format(1.5, 'd'), format('a', 'd')
    assert_eq!(
        c.fmt(one, "xx"),
        "!ValueError: Invalid format specifier 'xx' for object of type 'int'"
    );
    assert_eq!(
        c.fmt(Value::TRUE, "s"),
        "!ValueError: Unknown format code 's' for object of type 'bool'"
    );
    assert_eq!(
        c.fmt(l1, ">5"),
        "!TypeError: unsupported format string passed to NoneType.__format__"
    );
    assert_eq!(
        c.fmt(Value::float(1.5), "d"),
        "!ValueError: Unknown format code 'd' for object of type 'float'"
    );
    let a = c.s("a");
    assert_eq!(
        c.fmt(a, "d"),
        "!ValueError: Unknown format code 'd' for object of type 'str'"
    );
    // format(True, ''), format(True, '^7'), format(False, 'f'), format(None, ''), format(1e16, '')
    assert_eq!(c.fmt(Value::TRUE, ""), "'True'");
    assert_eq!(c.fmt(Value::TRUE, "^7"), "'   1   '");
    assert_eq!(c.fmt(Value::FALSE, "f"), "'0.000000'");
    assert_eq!(c.fmt(Value::NONE, ""), "'None'");
    assert_eq!(c.fmt(Value::float(1e16), ""), "'1e+16'");
    // format(-1.23456, '08.3f'), format(10**6, '_d'), format('héllo', '*^9')
    assert_eq!(c.fmt(Value::float(-1.23456), "08.3f"), "'-001.235'");
    let m = c.i(1_000_000);
    assert_eq!(c.fmt(m, "_d"), "'1_000_000'");
    let h = c.s("héllo");
    assert_eq!(c.fmt(h, "*^9"), "'**héllo**'");
}

#[test]
fn percent() {
    let mut c = T::new();
    let (one, two, a, x) = (c.i(1), c.i(2), c.s("a"), c.s("x"));
    let t1 = c.tuple(vec![one]);
    let t12 = c.tuple(vec![one, two]);
    let empty = c.tuple(vec![]);
    // '%s %s' % (1,), '%s' % (1, 2), 'abc' % 5, '%d' % 'x', '%x' % 1.5
    assert_eq!(
        c.pct("%s %s", t1),
        "!TypeError: not enough arguments for format string"
    );
    assert_eq!(
        c.pct("%s", t12),
        "!TypeError: not all arguments converted during string formatting"
    );
    let five = c.i(5);
    assert_eq!(
        c.pct("abc", five),
        "!TypeError: not all arguments converted during string formatting"
    );
    assert_eq!(
        c.pct("%d", x),
        "!TypeError: %d format: a real number is required, not str"
    );
    assert_eq!(
        c.pct("%x", Value::float(1.5)),
        "!TypeError: %x format: an integer is required, not float"
    );
    // '%c' % 'ab', '%c' % 1.5, '%c' % -1, '%(a)s' % 5, '%(a)s' % {}
    let ab = c.s("ab");
    assert_eq!(c.pct("%c", ab), "!TypeError: %c requires int or char");
    assert_eq!(
        c.pct("%c", Value::float(1.5)),
        "!TypeError: %c requires int or char"
    );
    let m1 = c.i(-1);
    assert_eq!(
        c.pct("%c", m1),
        "!OverflowError: %c arg not in range(0x110000)"
    );
    assert_eq!(
        c.pct("%(a)s", five),
        "!TypeError: format requires a mapping"
    );
    let ed = c.dict(&[]);
    assert_eq!(c.pct("%(a)s", ed), "!KeyError: 'a'");
    // '%(a' % {'a':1}, '%(a' % 5, '%' % (), '%5' % (1,), '%y' % 1, '%y' % (), 'abc %y' % (1,)
    let da = c.dict(&[(a, one)]);
    assert_eq!(c.pct("%(a", da), "!ValueError: incomplete format key");
    assert_eq!(c.pct("%(a", five), "!TypeError: format requires a mapping");
    assert_eq!(c.pct("%", empty), "!ValueError: incomplete format");
    assert_eq!(c.pct("%5", t1), "!ValueError: incomplete format");
    assert_eq!(
        c.pct("%y", one),
        "!ValueError: unsupported format character 'y' (0x79) at index 1"
    );
    assert_eq!(
        c.pct("%y", empty),
        "!TypeError: not enough arguments for format string"
    );
    assert_eq!(
        c.pct("abc %y", t1),
        "!ValueError: unsupported format character 'y' (0x79) at index 5"
    );
    // '%*d' % ('x', 1), '%*d' % (10**30, 1), '%.*f' % (10**12, 1.0)
    let tx1 = c.tuple(vec![x, one]);
    assert_eq!(c.pct("%*d", tx1), "!TypeError: * wants int");
    let huge = c.big("1000000000000000000000000000000");
    let th1 = c.tuple(vec![huge, one]);
    assert_eq!(
        c.pct("%*d", th1),
        "!OverflowError: Python int too large to convert to C ssize_t"
    );
    let tera = c.i(1_000_000_000_000);
    let tt = c.tuple(vec![tera, Value::float(1.0)]);
    assert_eq!(
        c.pct("%.*f", tt),
        "!OverflowError: Python int too large to convert to C int"
    );
    // '%f' % 'x', '%d' % float('inf'), '%d' % float('nan'), '%e' % None, '%i' % []
    assert_eq!(c.pct("%f", x), "!TypeError: must be real number, not str");
    assert_eq!(
        c.pct("%d", Value::float(f64::INFINITY)),
        "!OverflowError: cannot convert float infinity to integer"
    );
    assert_eq!(
        c.pct("%d", Value::float(f64::NAN)),
        "!ValueError: cannot convert float NaN to integer"
    );
    assert_eq!(
        c.pct("%e", Value::NONE),
        "!TypeError: must be real number, not NoneType"
    );
    let el = c.list(vec![]);
    assert_eq!(
        c.pct("%i", el),
        "!TypeError: %i format: a real number is required, not list"
    );
    // '%s %s' % {'a': 1}, '%(a)s %s' % {'a': 1}, '%*' % (5,), '%5%' % (), '%5%' % 1
    assert_eq!(
        c.pct("%s %s", da),
        "!TypeError: not enough arguments for format string"
    );
    assert_eq!(
        c.pct("%(a)s %s", da),
        "!TypeError: not enough arguments for format string"
    );
    let t5 = c.tuple(vec![five]);
    assert_eq!(c.pct("%*", t5), "!ValueError: incomplete format");
    assert_eq!(
        c.pct("%5%", empty),
        "!TypeError: not enough arguments for format string"
    );
    assert_eq!(
        c.pct("%5%", one),
        "!ValueError: unsupported format character '%' (0x25) at index 2"
    );
    // '%.0c' % 'a', '%5c|' % 'x', '%-5c|' % 120, '%c' % 0xe9, '%a' % 'é', '%5.1a' % 'é'
    assert_eq!(c.pct("%.0c", a), "'a'");
    assert_eq!(c.pct("%5c|", x), "'    x|'");
    let n120 = c.i(120);
    assert_eq!(c.pct("%-5c|", n120), "'x    |'");
    let e9 = c.i(0xe9);
    assert_eq!(c.pct("%c", e9), "'é'");
    let e = c.s("é");
    assert_eq!(c.pct("%a", e), "\"'\\\\xe9'\"");
    assert_eq!(c.pct("%5.1a", e), "\"    '\"");
    // '%.3f %e %g %x %5d %-5s|' % (1.23456, 12345.678, 0.0001, 255, 42, 'ab')
    let (n255, n42) = (c.i(255), c.i(42));
    let args = c.tuple(vec![
        Value::float(1.23456),
        Value::float(12345.678),
        Value::float(0.0001),
        n255,
        n42,
        ab,
    ]);
    assert_eq!(
        c.pct("%.3f %e %g %x %5d %-5s|", args),
        "'1.235 1.234568e+04 0.0001 ff    42 ab   |'"
    );
    // '%i %u' % (3.9, -3.9), '%s' % [1, 2], 'abc' % [], 'abc' % {}, 'abc' % ()
    let tf = c.tuple(vec![Value::float(3.9), Value::float(-3.9)]);
    assert_eq!(c.pct("%i %u", tf), "'3 -3'");
    let l12 = c.list(vec![one, two]);
    assert_eq!(c.pct("%s", l12), "'[1, 2]'");
    assert_eq!(c.pct("abc", el), "'abc'");
    assert_eq!(c.pct("abc", ed), "'abc'");
    assert_eq!(c.pct("abc", empty), "'abc'");
    // '%s' % {'a':1}, '%(a)s' % [1], '%d' % True, '%*d|%-*d|' % (5, 1, -5, 2), '%.*f' % (-2, 1.23456)
    assert_eq!(c.pct("%s", da), "\"{'a': 1}\"");
    let l1 = c.list(vec![one]);
    assert_eq!(
        c.pct("%(a)s", l1),
        "!TypeError: list indices must be integers or slices, not str"
    );
    assert_eq!(c.pct("%d", Value::TRUE), "'1'");
    let m5 = c.i(-5);
    let star = c.tuple(vec![five, one, m5, two]);
    assert_eq!(c.pct("%*d|%-*d|", star), "'    1|2    |'");
    let m2 = c.i(-2);
    let tp = c.tuple(vec![m2, Value::float(1.23456)]);
    assert_eq!(c.pct("%.*f", tp), "'1'");
    // '%(a)s %(b)r' % {'a': 1, 'b': 'x'}, '%((a))s' % {'(a)': 1}, '%s' % ()
    let bk = c.s("b");
    let dab = c.dict(&[(a, one), (bk, x)]);
    assert_eq!(c.pct("%(a)s %(b)r", dab), "\"1 'x'\"");
    let pa = c.s("(a)");
    let dpa = c.dict(&[(pa, one)]);
    assert_eq!(c.pct("%((a))s", dpa), "'1'");
    assert_eq!(
        c.pct("%s", empty),
        "!TypeError: not enough arguments for format string"
    );
    // '%d' % 10**30, '%#x' % -255, '%08.5d|' % -42, '%F %E %G' % (inf, 1e300, 1e-300)
    assert_eq!(c.pct("%d", huge), "'1000000000000000000000000000000'");
    let m255 = c.i(-255);
    assert_eq!(c.pct("%#x", m255), "'-0xff'");
    let m42 = c.i(-42);
    assert_eq!(c.pct("%08.5d|", m42), "'-0000042|'");
    let tf = c.tuple(vec![
        Value::float(f64::INFINITY),
        Value::float(1e300),
        Value::float(1e-300),
    ]);
    assert_eq!(c.pct("%F %E %G", tf), "'INF 1.000000E+300 1E-300'");
    // '%f' % 10**400
    let mut digits = String::from("1");
    digits.push_str(&"0".repeat(400));
    let h400 = c.big(&digits);
    assert_eq!(
        c.pct("%f", h400),
        "!OverflowError: int too large to convert to float"
    );
}

fn unhex(s: &str) -> String {
    let b: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    String::from_utf8(b).unwrap()
}

#[test]
fn method_vectors() {
    assert_eq!(check_methods(vectors::METHODS), 300);
}

/// Checks method vectors (see `str_vectors`); returns how many.
fn check_methods(data: &str) -> usize {
    let mut c = T::new();
    let mut n = 0;
    for line in data.lines() {
        let p: Vec<&str> = line.split('\t').collect();
        let recv = unhex(p[1]);
        let mut args = Vec::new();
        for a in p[2].split(' ').filter(|a| *a != "-") {
            let (k, v) = a.split_at(2);
            args.push(match k {
                "n:" => Value::NONE,
                "b:" => Value::bool(v == "1"),
                "i:" => c.i(v.parse().unwrap()),
                "s:" => c.s(&unhex(v)),
                "t:" => {
                    let items: Vec<Value> = v
                        .split(',')
                        .filter(|x| !x.is_empty())
                        .map(|x| c.s(&unhex(&x[1..])))
                        .collect();
                    c.tuple(items)
                }
                _ => panic!("bad vector {line}"),
            });
        }
        assert_eq!(c.m(&recv, p[0], &args), unhex(p[3]), "{line}");
        n += 1;
    }
    n
}

#[test]
fn format_vectors() {
    assert_eq!(check_formats(vectors::FORMATS), 400);
}

/// Checks format vectors (see `str_vectors`); returns how many.
fn check_formats(data: &str) -> usize {
    let mut c = T::new();
    // VALS = [1, -2, 'ab', 2.5, True, None, [1], 'é', 0, 255, -0.0, 1e20, 'x', 10**20, float('inf'), 65]
    let (one, m2, ab, e, z, n255, x, n65) = (
        c.i(1),
        c.i(-2),
        c.s("ab"),
        c.s("é"),
        c.i(0),
        c.i(255),
        c.s("x"),
        c.i(65),
    );
    let l1 = c.list(vec![one]);
    let big = c.big("100000000000000000000");
    let vals = vec![
        one,
        m2,
        ab,
        Value::float(2.5),
        Value::TRUE,
        Value::NONE,
        l1,
        e,
        z,
        n255,
        Value::float(-0.0),
        Value::float(1e20),
        x,
        big,
        Value::float(f64::INFINITY),
        n65,
    ];
    // D = {'a': 1, 'b': 'x', 'c': 2.5}
    let (ka, kb, kc) = (c.s("a"), c.s("b"), c.s("c"));
    let d = c.dict(&[(ka, one), (kb, x), (kc, Value::float(2.5))]);
    // POS = (1, 'ab', [5, 6], 2.5, True, None, 'é'); KW = a='q', b=7, d={'k': 'v', '0': 'z'}
    let (five, six, q, seven) = (c.i(5), c.i(6), c.s("q"), c.i(7));
    let (kk, v, k0, zz) = (c.s("k"), c.s("v"), c.s("0"), c.s("z"));
    let l56 = c.list(vec![five, six]);
    let dd = c.dict(&[(kk, v), (k0, zz)]);
    let pos = vec![one, ab, l56, Value::float(2.5), Value::TRUE, Value::NONE, e];
    let mut n = 0;
    for line in data.lines() {
        let p: Vec<&str> = line.split('\t').collect();
        let fmt = unhex(p[1]);
        let got = if p[0] == "%" {
            let args = if p[2] == "D" {
                d
            } else if let Some(i) = p[2].strip_prefix("V:") {
                vals[i.parse::<usize>().unwrap()]
            } else {
                let idx = p[2].strip_prefix("T:").unwrap();
                let items = idx
                    .split(',')
                    .filter(|i| !i.is_empty())
                    .map(|i| vals[i.parse::<usize>().unwrap()])
                    .collect();
                c.tuple(items)
            };
            c.pct(&fmt, args)
        } else {
            c.mk(&fmt, "format", &pos, &[("a", q), ("b", seven), ("d", dd)])
        };
        assert_eq!(got, unhex(p[3]), "{line}");
        n += 1;
    }
    n
}
