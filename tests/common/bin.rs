//! The one way the tests run the real `clerk` binary, and what a run produced.

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// A run of the real `clerk` binary, being set up: `clerk(&["check"]).arg(dir).run()`.
///
/// Every run starts the same way: `NO_COLOR=1`, no `CLERK_PERSON` taken from the environment
/// the tests run in, and an empty standard input; it runs in the tests' working folder (the
/// crate's) unless given another with [`Clerk::dir`].
#[must_use = "a run does nothing until `run`, `run_json` or `spawn`"]
pub struct Clerk {
    cmd: Command,
    stdin: Option<Vec<u8>>,
    stderr: Option<Stdio>,
}

/// `clerk ARGS`, to be set up further and run.
pub fn clerk(args: &[&str]) -> Clerk {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clerk"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("CLERK_PERSON");
    Clerk {
        cmd,
        stdin: None,
        stderr: None,
    }
}

impl Clerk {
    /// One more argument (a path, typically).
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.cmd.arg(arg);
        self
    }

    /// More arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd.args(args);
        self
    }

    /// Runs in `dir`.
    pub fn dir(mut self, dir: &Path) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    /// Leaves an environment variable out of the run.
    pub fn env_remove(mut self, key: &str) -> Self {
        self.cmd.env_remove(key);
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.cmd.env(key, value);
        self
    }

    /// `home` as the home folder, so no SSH key or setting of the machine's user is found.
    pub fn home(self, home: &Path) -> Self {
        self.env("HOME", home)
    }

    /// Gives `input` on standard input (empty otherwise).
    // clerk reads no standard input today; this is here for the first command that does.
    #[allow(dead_code)]
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(input.into());
        self
    }

    /// Where standard error goes when spawned (a pipe otherwise); `run` always captures it.
    #[cfg_attr(not(feature = "serve"), allow(dead_code))]
    pub fn stderr(mut self, stderr: Stdio) -> Self {
        self.stderr = Some(stderr);
        self
    }

    /// Starts it with standard output (and, unless set otherwise, standard error) piped, for
    /// a test that reads while it runs.
    pub fn spawn(mut self) -> Child {
        let stdin = self.stdin.take();
        self.cmd
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(self.stderr.take().unwrap_or_else(Stdio::piped));
        let mut child = self.cmd.spawn().expect("run clerk");
        if let Some(input) = stdin {
            let mut pipe = child.stdin.take().unwrap();
            // On a thread, so a large input never blocks on a child that is writing too.
            let _ = std::thread::spawn(move || pipe.write_all(&input));
        }
        child
    }

    /// Runs it to the end, capturing what it printed.
    pub fn run(mut self) -> Outcome {
        self.stderr = Some(Stdio::piped());
        let out = self.spawn().wait_with_output().expect("run clerk");
        Outcome {
            status: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            json: Value::Null,
        }
    }

    /// Runs it to the end; its standard output must be JSON (`--format json`), kept in
    /// [`Outcome::json`].
    #[track_caller]
    pub fn run_json(self) -> Outcome {
        let out = self.run();
        let json = serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr:\n{}", out.stdout, out.stderr));
        Outcome { json, ..out }
    }
}

/// What a run of clerk produced.
#[derive(Debug)]
pub struct Outcome {
    /// The exit code; -1 when it ended by a signal.
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    /// Standard output as JSON, for [`Clerk::run_json`]; `Null` otherwise.
    pub json: Value,
}

impl Outcome {
    /// Standard output and standard error, one after the other.
    pub fn said(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Asserts it succeeded (exit code 0).
    #[track_caller]
    pub fn success(self) -> Self {
        assert_eq!(self.status, 0, "{}{}", self.stdout, self.stderr);
        self
    }
}
