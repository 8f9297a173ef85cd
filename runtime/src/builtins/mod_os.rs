//! The `os` module: `os.environ` (a dict snapshot of the process
//! environment taken at import), `os.getenv`, and the path constants
//! (`sep`, `name`, ...). Everything that touches the file system or the
//! process is outside the subset: the common names exist as functions that
//! refuse when called (`os.path` is a module of such functions), because a
//! missing module attribute would be an AttributeError, not a refusal.

use super::args;
use super::modules::{new_module, set, set_fn};
use crate::gc::Gc;
use crate::object::*;
use crate::ops;
use crate::thread::Thread;
use crate::value::Value;
use crate::PyResult;

/// Creates the module.
pub fn make(t: &mut Thread) -> PyResult<Option<Value>> {
    let m = new_module(t, "os");
    t.temp_roots.push(m.as_value());
    let r = fill(t, m);
    t.temp_roots.pop();
    r?;
    Ok(Some(m.as_value()))
}

fn fill(t: &mut Thread, m: Gc<Module>) -> PyResult<()> {
    let env = t.new_dict();
    set(t, m, "environ", env.as_value());
    for (k, v) in std::env::vars_os() {
        let k = t.new_string(k.to_string_lossy().into_owned());
        t.temp_roots.push(k);
        let v = t.new_string(v.to_string_lossy().into_owned());
        t.temp_roots.push(v);
        let r = ops::dict::set(t, env, k, v);
        t.temp_roots.truncate(t.temp_roots.len() - 2);
        r?;
    }
    let consts: &[(&str, &str)] = &[
        ("name", "posix"),
        ("sep", "/"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ];
    for &(name, val) in consts {
        let s = t.new_str(val);
        set(t, m, name, s);
    }
    set(t, m, "altsep", Value::NONE);
    set_fn(t, m, "getenv", "os.getenv", getenv);
    for &(name, qual, f) in REFUSED {
        set_fn(t, m, name, qual, f);
    }
    let path = new_module(t, "posixpath");
    set(t, m, "path", path.as_value());
    for &(name, qual, f) in REFUSED_PATH {
        set_fn(t, path, name, qual, f);
    }
    Ok(())
}

/// `os.getenv(key, default=None)`: reads `os.environ` (so assignments to
/// it are seen, as in CPython).
fn getenv(t: &mut Thread, args: &[Value], kw: Option<Gc<Tuple>>) -> PyResult<Value> {
    let (pos, kws) = args::with_kw(t, "getenv", args, kw, &["key", "default"])?;
    if pos.len() > 2 {
        let msg = format!(
            "getenv() takes from 1 to 2 positional arguments but {} were given",
            pos.len()
        );
        return Err(t.type_error(&msg));
    }
    let key = pos.first().copied().or_else(|| args::kwarg(&kws, "key"));
    let default = pos
        .get(1)
        .copied()
        .or_else(|| args::kwarg(&kws, "default"))
        .unwrap_or(Value::NONE);
    let Some(key) = key else {
        return Err(t.type_error("getenv() missing 1 required positional argument: 'key'"));
    };
    if ops::as_str(key).is_none() {
        let msg = format!("str expected, not {}", t.type_name(key));
        return Err(t.type_error(&msg));
    }
    let environ = t.modules.get("os").copied().and_then(|m| {
        let m = ops::cast::<Module>(m)?;
        let n = t.intern("environ");
        m.get(n)
    });
    if let Some(d) = environ.and_then(ops::as_dict) {
        return Ok(ops::dict::get(t, d, key)?.unwrap_or(default));
    }
    let k = ops::as_str(key).expect("checked");
    match std::env::var_os(k.as_str()) {
        Some(v) => Ok(t.new_string(v.to_string_lossy().into_owned())),
        None => Ok(default),
    }
}

macro_rules! refusing {
    ($table:ident; $($f:ident, $name:literal, $what:literal;)*) => {
        $(
            fn $f(t: &mut Thread, _args: &[Value], _kw: Option<Gc<Tuple>>) -> PyResult<Value> {
                Err(t.unsupported($what))
            }
        )*
        const $table: &[(&str, &str, BuiltinFn)] = &[$(($name, $what, $f)),*];
    };
}

refusing! {
    REFUSED;
    r_getcwd, "getcwd", "os.getcwd";
    r_chdir, "chdir", "os.chdir";
    r_listdir, "listdir", "os.listdir";
    r_scandir, "scandir", "os.scandir";
    r_walk, "walk", "os.walk";
    r_mkdir, "mkdir", "os.mkdir";
    r_makedirs, "makedirs", "os.makedirs";
    r_remove, "remove", "os.remove";
    r_unlink, "unlink", "os.unlink";
    r_rmdir, "rmdir", "os.rmdir";
    r_removedirs, "removedirs", "os.removedirs";
    r_rename, "rename", "os.rename";
    r_replace, "replace", "os.replace";
    r_stat, "stat", "os.stat";
    r_lstat, "lstat", "os.lstat";
    r_access, "access", "os.access";
    r_chmod, "chmod", "os.chmod";
    r_open, "open", "os.open";
    r_close, "close", "os.close";
    r_read, "read", "os.read";
    r_write, "write", "os.write";
    r_fspath, "fspath", "os.fspath";
    r_system, "system", "os.system";
    r_popen, "popen", "os.popen";
    r_getpid, "getpid", "os.getpid";
    r_getppid, "getppid", "os.getppid";
    r_kill, "kill", "os.kill";
    r_fork, "fork", "os.fork";
    r_execv, "execv", "os.execv";
    r_exit, "_exit", "os._exit";
    r_urandom, "urandom", "os.urandom";
    r_cpu_count, "cpu_count", "os.cpu_count";
    r_putenv, "putenv", "os.putenv";
    r_unsetenv, "unsetenv", "os.unsetenv";
    r_getlogin, "getlogin", "os.getlogin";
    r_get_terminal_size, "get_terminal_size", "os.get_terminal_size";
    r_times, "times", "os.times";
    r_uname, "uname", "os.uname";
    r_fsencode, "fsencode", "os.fsencode";
    r_fsdecode, "fsdecode", "os.fsdecode";
    r_getuid, "getuid", "os.getuid";
    r_getgid, "getgid", "os.getgid";
    r_geteuid, "geteuid", "os.geteuid";
    r_getegid, "getegid", "os.getegid";
    r_pipe, "pipe", "os.pipe";
    r_dup, "dup", "os.dup";
    r_dup2, "dup2", "os.dup2";
    r_fdopen, "fdopen", "os.fdopen";
    r_symlink, "symlink", "os.symlink";
    r_readlink, "readlink", "os.readlink";
    r_link, "link", "os.link";
    r_truncate, "truncate", "os.truncate";
    r_utime, "utime", "os.utime";
    r_chown, "chown", "os.chown";
    r_abort, "abort", "os.abort";
    r_wait, "wait", "os.wait";
    r_waitpid, "waitpid", "os.waitpid";
    r_execvp, "execvp", "os.execvp";
    r_execl, "execl", "os.execl";
    r_getcwdb, "getcwdb", "os.getcwdb";
    r_sched_getaffinity, "sched_getaffinity", "os.sched_getaffinity";
    r_get_exec_path, "get_exec_path", "os.get_exec_path";
    r_isatty, "isatty", "os.isatty";
    r_lseek, "lseek", "os.lseek";
    r_fstat, "fstat", "os.fstat";
    r_fsync, "fsync", "os.fsync";
    r_umask, "umask", "os.umask";
    r_killpg, "killpg", "os.killpg";
    r_setsid, "setsid", "os.setsid";
    r_nice, "nice", "os.nice";
    r_strerror, "strerror", "os.strerror";
    r_spawnv, "spawnv", "os.spawnv";
    r_chroot, "chroot", "os.chroot";
    r_mkfifo, "mkfifo", "os.mkfifo";
    r_statvfs, "statvfs", "os.statvfs";
    r_listxattr, "listxattr", "os.listxattr";
    r_getloadavg, "getloadavg", "os.getloadavg";
    r_sync, "sync", "os.sync";
    r_ttyname, "ttyname", "os.ttyname";
}

refusing! {
    REFUSED_PATH;
    p_join, "join", "os.path.join";
    p_exists, "exists", "os.path.exists";
    p_isfile, "isfile", "os.path.isfile";
    p_isdir, "isdir", "os.path.isdir";
    p_islink, "islink", "os.path.islink";
    p_isabs, "isabs", "os.path.isabs";
    p_dirname, "dirname", "os.path.dirname";
    p_basename, "basename", "os.path.basename";
    p_abspath, "abspath", "os.path.abspath";
    p_realpath, "realpath", "os.path.realpath";
    p_normpath, "normpath", "os.path.normpath";
    p_relpath, "relpath", "os.path.relpath";
    p_split, "split", "os.path.split";
    p_splitext, "splitext", "os.path.splitext";
    p_getsize, "getsize", "os.path.getsize";
    p_getmtime, "getmtime", "os.path.getmtime";
    p_expanduser, "expanduser", "os.path.expanduser";
    p_expandvars, "expandvars", "os.path.expandvars";
    p_getatime, "getatime", "os.path.getatime";
    p_getctime, "getctime", "os.path.getctime";
    p_samefile, "samefile", "os.path.samefile";
    p_commonpath, "commonpath", "os.path.commonpath";
    p_commonprefix, "commonprefix", "os.path.commonprefix";
    p_lexists, "lexists", "os.path.lexists";
    p_ismount, "ismount", "os.path.ismount";
    p_splitdrive, "splitdrive", "os.path.splitdrive";
    p_normcase, "normcase", "os.path.normcase";
}
