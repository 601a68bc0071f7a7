//! The `clerk` command line: see `cli.rs` for the commands.

use std::process::ExitCode;

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
    // The language first, so that the help, clap's refusals and completions are in it too.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = clerk::cli::choose_language(&args);
    clerk::i18n::set(lang);
    // `COMPLETE=bash clerk` prints the shell's registration; the shell then asks clerk itself
    // what to complete (types, registers, people and record files of the repository).
    clap_complete::CompleteEnv::with_factory(move || clerk::cli::command(lang)).complete();
    let result = clerk::cli::parse(args, lang).run();
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("{}{e:#}", clerk::cli::error_prefix(lang));
            ExitCode::from(2)
        }
    }
}
