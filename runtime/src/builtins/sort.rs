//! A stable merge sort whose comparison may fail (it runs Python code) and
//! may be inconsistent without ever panicking, as `list.sort` needs.

use crate::PyResult;

/// Sorts `items` stably by `less`, stopping at the first error.
pub fn sort_by<T: Copy>(
    items: &mut [T],
    less: &mut dyn FnMut(T, T) -> PyResult<bool>,
) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    // Binary insertion sort for short runs, then bottom-up merges.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = items[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if less(x, items[mid])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            items.copy_within(lo..i, lo + 1);
            items[lo] = x;
        }
        start = end;
    }
    let mut buf: Vec<T> = Vec::with_capacity(n);
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (lo + 2 * width).min(n);
            buf.clear();
            buf.extend_from_slice(&items[lo..mid]);
            let (mut i, mut j, mut k) = (0, mid, lo);
            while i < buf.len() && j < hi {
                if less(items[j], buf[i])? {
                    items[k] = items[j];
                    j += 1;
                } else {
                    items[k] = buf[i];
                    i += 1;
                }
                k += 1;
            }
            while i < buf.len() {
                items[k] = buf[i];
                i += 1;
                k += 1;
            }
            lo = hi;
        }
        width *= 2;
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
