//! CPython's list sort (timsort with powersort merge order, as in
//! `Objects/listobject.c` of 3.11), so that a program sees the same
//! sequence of `__lt__` calls, the same result for inconsistent orders, and
//! the same partial order when a comparison raises. The comparison may fail
//! (it runs Python code); the slice is always left a permutation of its
//! input.

use crate::{PyResult, Raised};

const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<T> {
    min_gallop: usize,
    listlen: usize,
    pending: Vec<Run>,
    tmp: Vec<T>,
}

type Less<'a, T> = dyn FnMut(T, T) -> PyResult<bool> + 'a;

/// Sorts `items` stably by `less`, stopping at the first error.
pub fn sort_by<T: Copy>(items: &mut [T], less: &mut Less<'_, T>) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        min_gallop: MIN_GALLOP,
        listlen: n,
        pending: Vec::new(),
        tmp: Vec::new(),
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = count_run(items, lo, lo + remaining, less)?;
        if descending {
            items[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            binarysort(items, lo, lo + force, lo + run, less)?;
            run = force;
        }
        found_new_run(&mut ms, items, run, less)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    merge_force_collapse(&mut ms, items, less)
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Sorts `[lo, hi)` by binary insertion; `[lo, start)` is already sorted.
fn binarysort<T: Copy>(
    items: &mut [T],
    lo: usize,
    hi: usize,
    mut start: usize,
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    if start == lo {
        start += 1;
    }
    while start < hi {
        let pivot = items[start];
        let (mut l, mut r) = (lo, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if less(pivot, items[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        items.copy_within(l..start, l + 1);
        items[l] = pivot;
        start += 1;
    }
    Ok(())
}

/// The length of the run at `lo` (ascending, or strictly descending).
fn count_run<T: Copy>(
    items: &[T],
    lo: usize,
    hi: usize,
    less: &mut Less<'_, T>,
) -> PyResult<(usize, bool)> {
    if lo + 1 == hi {
        return Ok((1, false));
    }
    let mut n = 2;
    let mut i = lo + 2;
    if less(items[lo + 1], items[lo])? {
        while i < hi && less(items[i], items[i - 1])? {
            i += 1;
            n += 1;
        }
        Ok((n, true))
    } else {
        while i < hi && !less(items[i], items[i - 1])? {
            i += 1;
            n += 1;
        }
        Ok((n, false))
    }
}

/// Where `key` belongs in sorted `a`: left of any equal elements.
fn gallop_left<T: Copy>(key: T, a: &[T], hint: usize, less: &mut Less<'_, T>) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if less(a[hint as usize], key)? {
        let maxofs = n - hint;
        while ofs < maxofs {
            if less(a[(hint + ofs) as usize], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    } else {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if less(a[(hint - ofs) as usize], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if less(a[m as usize], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// Where `key` belongs in sorted `a`: right of any equal elements.
fn gallop_right<T: Copy>(key: T, a: &[T], hint: usize, less: &mut Less<'_, T>) -> PyResult<usize> {
    let n = a.len() as isize;
    let hint = hint as isize;
    let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
    if less(key, a[hint as usize])? {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if less(key, a[(hint - ofs) as usize])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        let maxofs = n - hint;
        while ofs < maxofs {
            if less(key, a[(hint + ofs) as usize])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint;
        ofs += hint;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if less(key, a[m as usize])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

enum Exit {
    Done(Result<(), Raised>),
    /// `merge_lo`'s CopyB / `merge_hi`'s CopyA.
    CopyRest,
}

/// Evaluates a comparison inside a merge loop; an error leaves the loop.
macro_rules! lt {
    ($less:expr, $a:expr, $b:expr, $exit:lifetime) => {
        match $less($a, $b) {
            Ok(k) => k,
            Err(e) => break $exit Exit::Done(Err(e)),
        }
    };
}
macro_rules! gallop {
    ($e:expr, $exit:lifetime) => {
        match $e {
            Ok(k) => k,
            Err(e) => break $exit Exit::Done(Err(e)),
        }
    };
}

/// Merges run A = `[a0, a0+na)` with the following run B (`nb` items),
/// `na <= nb`, with A copied aside.
fn merge_lo<T: Copy>(
    ms: &mut MergeState<T>,
    items: &mut [T],
    a0: usize,
    mut na: usize,
    mut nb: usize,
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&items[a0..a0 + na]);
    let tmp = std::mem::take(&mut ms.tmp);
    let (mut dest, mut pa, mut pb) = (a0, 0usize, a0 + na);
    items[dest] = items[pb];
    dest += 1;
    pb += 1;
    nb -= 1;
    let exit = 'exit: {
        if nb == 0 {
            break 'exit Exit::Done(Ok(()));
        }
        if na == 1 {
            break 'exit Exit::CopyRest;
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if lt!(less, items[pb], tmp[pa], 'exit) {
                    items[dest] = items[pb];
                    dest += 1;
                    pb += 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 0 {
                        break 'exit Exit::Done(Ok(()));
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    items[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 1 {
                        break 'exit Exit::CopyRest;
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let k = gallop!(gallop_right(items[pb], &tmp[pa..pa + na], 0, less), 'exit);
                acount = k;
                if k > 0 {
                    items[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                    dest += k;
                    pa += k;
                    na -= k;
                    if na == 1 {
                        break 'exit Exit::CopyRest;
                    }
                    if na == 0 {
                        break 'exit Exit::Done(Ok(()));
                    }
                }
                items[dest] = items[pb];
                dest += 1;
                pb += 1;
                nb -= 1;
                if nb == 0 {
                    break 'exit Exit::Done(Ok(()));
                }
                let k = gallop!(gallop_left(tmp[pa], &items[pb..pb + nb], 0, less), 'exit);
                bcount = k;
                if k > 0 {
                    items.copy_within(pb..pb + k, dest);
                    dest += k;
                    pb += k;
                    nb -= k;
                    if nb == 0 {
                        break 'exit Exit::Done(Ok(()));
                    }
                }
                items[dest] = tmp[pa];
                dest += 1;
                pa += 1;
                na -= 1;
                if na == 1 {
                    break 'exit Exit::CopyRest;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    };
    let r = match exit {
        Exit::Done(r) => {
            items[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
            r
        }
        Exit::CopyRest => {
            // The last element of A belongs at the end of the merge.
            items.copy_within(pb..pb + nb, dest);
            items[dest + nb] = tmp[pa];
            Ok(())
        }
    };
    ms.tmp = tmp;
    r
}

/// Merges run A = `[a0, a0+na)` with the following run B (`nb` items),
/// `na >= nb`, with B copied aside, from the right.
fn merge_hi<T: Copy>(
    ms: &mut MergeState<T>,
    items: &mut [T],
    a0: usize,
    mut na: usize,
    mut nb: usize,
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    let b0 = a0 + na;
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&items[b0..b0 + nb]);
    let tmp = std::mem::take(&mut ms.tmp);
    // Indices may step one below their region's start: signed.
    let mut dest = (b0 + nb - 1) as isize;
    let mut pa = (a0 + na - 1) as isize;
    let mut pb = nb as isize - 1;
    let at = |i: isize| i as usize;
    items[at(dest)] = items[at(pa)];
    dest -= 1;
    pa -= 1;
    na -= 1;
    let exit = 'exit: {
        if na == 0 {
            break 'exit Exit::Done(Ok(()));
        }
        if nb == 1 {
            break 'exit Exit::CopyRest;
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if lt!(less, tmp[at(pb)], items[at(pa)], 'exit) {
                    items[at(dest)] = items[at(pa)];
                    dest -= 1;
                    pa -= 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 0 {
                        break 'exit Exit::Done(Ok(()));
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    items[at(dest)] = tmp[at(pb)];
                    dest -= 1;
                    pb -= 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 1 {
                        break 'exit Exit::CopyRest;
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let k = gallop!(
                    gallop_right(tmp[at(pb)], &items[a0..a0 + na], na - 1, less),
                    'exit
                );
                let k = na - k;
                acount = k;
                if k > 0 {
                    dest -= k as isize;
                    pa -= k as isize;
                    items.copy_within(at(pa + 1)..at(pa + 1) + k, at(dest + 1));
                    na -= k;
                    if na == 0 {
                        break 'exit Exit::Done(Ok(()));
                    }
                }
                items[at(dest)] = tmp[at(pb)];
                dest -= 1;
                pb -= 1;
                nb -= 1;
                if nb == 1 {
                    break 'exit Exit::CopyRest;
                }
                let k = gallop!(gallop_left(items[at(pa)], &tmp[..nb], nb - 1, less), 'exit);
                let k = nb - k;
                bcount = k;
                if k > 0 {
                    dest -= k as isize;
                    pb -= k as isize;
                    items[at(dest + 1)..at(dest + 1) + k]
                        .copy_from_slice(&tmp[at(pb + 1)..at(pb + 1) + k]);
                    nb -= k;
                    if nb == 1 {
                        break 'exit Exit::CopyRest;
                    }
                    if nb == 0 {
                        break 'exit Exit::Done(Ok(()));
                    }
                }
                items[at(dest)] = items[at(pa)];
                dest -= 1;
                pa -= 1;
                na -= 1;
                if na == 0 {
                    break 'exit Exit::Done(Ok(()));
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    };
    let r = match exit {
        Exit::Done(r) => {
            if nb > 0 {
                let start = at(dest - (nb as isize - 1));
                items[start..start + nb].copy_from_slice(&tmp[..nb]);
            }
            r
        }
        Exit::CopyRest => {
            // The first element of B belongs at the front of the merge.
            let from = at(pa + 1 - na as isize);
            let to = at(dest + 1 - na as isize);
            items.copy_within(from..from + na, to);
            dest -= na as isize;
            items[at(dest)] = tmp[at(pb)];
            Ok(())
        }
    };
    ms.tmp = tmp;
    r
}

/// Merges the pending runs `i` and `i + 1`.
fn merge_at<T: Copy>(
    ms: &mut MergeState<T>,
    items: &mut [T],
    i: usize,
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    let (mut a0, mut na) = (ms.pending[i].base, ms.pending[i].len);
    let (b0, nb) = (ms.pending[i + 1].base, ms.pending[i + 1].len);
    ms.pending[i].len = na + nb;
    ms.pending.remove(i + 1);
    // Where does B start in A? Elements of A before that are in place.
    let k = gallop_right(items[b0], &items[a0..a0 + na], 0, less)?;
    a0 += k;
    na -= k;
    if na == 0 {
        return Ok(());
    }
    // Where does A end in B? Elements of B after that are in place.
    let nb = gallop_left(items[a0 + na - 1], &items[b0..b0 + nb], nb - 1, less)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        merge_lo(ms, items, a0, na, nb, less)
    } else {
        merge_hi(ms, items, a0, na, nb, less)
    }
}

/// The "power" of the run at `s1` (length `n1`) followed by one of `n2`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// A run of length `n2` follows the pending ones: merge those of greater
/// power (powersort).
fn found_new_run<T: Copy>(
    ms: &mut MergeState<T>,
    items: &mut [T],
    n2: usize,
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    if let Some(last) = ms.pending.last() {
        let power = powerloop(last.base, last.len, n2, ms.listlen);
        while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].power > power {
            let i = ms.pending.len() - 2;
            merge_at(ms, items, i, less)?;
        }
        ms.pending.last_mut().expect("a pending run").power = power;
    }
    Ok(())
}

fn merge_force_collapse<T: Copy>(
    ms: &mut MergeState<T>,
    items: &mut [T],
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    while ms.pending.len() > 1 {
        let mut n = ms.pending.len() - 2;
        if n > 0 && ms.pending[n - 1].len < ms.pending[n + 1].len {
            n -= 1;
        }
        merge_at(ms, items, n, less)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_and_survives_inconsistent_orders() {
        let mut v: Vec<(i32, usize)> = (0..1000).map(|i| (((i * 7919) % 37) as i32, i)).collect();
        sort_by(&mut v, &mut |a, b| Ok(a.0 < b.0)).unwrap();
        for w in v.windows(2) {
            assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1));
        }
        let mut x: Vec<u32> = (0..500).collect();
        let mut flip = false;
        sort_by(&mut x, &mut |_, _| {
            flip = !flip;
            Ok(flip)
        })
        .unwrap();
        x.sort();
        assert_eq!(x, (0..500).collect::<Vec<_>>());
    }
}
