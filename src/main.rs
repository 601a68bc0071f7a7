//! The `clerk` command line: see `cli.rs` for the commands.

use std::process::ExitCode;

use clap::Parser;

use clerk::cli::Cli;

/// mimalloc rather than the system allocator: a build allocates and frees on both cores at once,
/// where glibc's allocator spent a third of the CPU time (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Output piped into `head` and friends: stop quietly when the reader goes away, as other
    // command-line tools do, instead of panicking on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // Ctrl-C or `kill` during a build removes the half-built site, not only ends the process.
    #[cfg(unix)]
    clerk::fsio::clean_up_on_interrupt();
    // Rule expressions are parsed and evaluated recursively on worker threads: give them room.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(16 << 20)
        .build_global();
    // `COMPLETE=bash clerk` prints the shell's registration; the shell then asks clerk itself
    // what to complete (types, registers, people and record files of the repository).
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    let result = Cli::parse().run();
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
