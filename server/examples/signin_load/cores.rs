//! `--split-cores`: the server and the bare argon2 figure on one half of the cores, the storm's
//! clients and the watcher on the other, as if the clients were other machines
//! (docs/MEASUREMENTS.md "Signing in": on two shared cores the watcher's own thread was kept
//! waiting for the core for up to 6 ms during a storm, which is not the server's time).

use std::process::Command;

/// The cores the server gets, and the ones the script keeps.
#[derive(Clone, Debug)]
pub struct Split {
    pub server: Vec<usize>,
    pub clients: Vec<usize>,
}

/// The cores this process may run on.
fn allowed() -> Vec<usize> {
    // SAFETY: a zeroed cpu_set_t is an empty set; sched_getaffinity writes at most its size.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return Vec::new();
        }
        (0..libc::CPU_SETSIZE as usize).filter(|&c| libc::CPU_ISSET(c, &set)).collect()
    }
}

/// Half of the allowed cores (at least one) for the server, the rest for the script; `None`
/// with fewer than two cores.
pub fn split() -> Option<Split> {
    let all = allowed();
    if all.len() < 2 {
        return None;
    }
    let (server, clients) = all.split_at(all.len() / 2);
    Some(Split { server: server.to_vec(), clients: clients.to_vec() })
}

/// Keeps the calling thread, and every thread it starts from now on, on `cores`.
pub fn pin(cores: &[usize]) {
    // SAFETY: as in `allowed`; sched_setaffinity only reads the set.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        for &c in cores {
            libc::CPU_SET(c, &mut set);
        }
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set);
    }
}

/// Starts the server process on `cores`.
pub fn pinned(command: &mut Command, cores: Vec<usize>) -> &mut Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: between fork and exec the closure only makes one system call.
    unsafe {
        command.pre_exec(move || {
            pin(&cores);
            Ok(())
        })
    }
}
