//! The CI templates, run: the check job of `records-example/.github/workflows/clerk.yml` and of
//! `records-example/.gitlab-ci.yml`, its shell steps executed by bash in a clone of a scripted
//! repository with the variables GitHub Actions and GitLab CI set, and the clerk under test
//! first on PATH in place of the install and cache steps.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::git::{head, ok};
use common::Repo;
use serde_json::Value;

/// What GitHub and GitLab give as the commit before a push that has none (a first push, a new
/// branch), and GitLab in merge request and scheduled pipelines.
const ZEROS: &str = "0000000000000000000000000000000000000000";

const DOC: &str = "documents/2026-doc-006.md"; // a draft

/// A records repository with clerk's example on `main` (one commit), from which CI clones.
struct Origin {
    repo: Repo,
    /// The commit `main` was at before the scenario's commits.
    base: String,
}

impl Origin {
    fn new() -> Origin {
        let repo = Repo::example_in_git();
        let base = head(repo.path());
        Origin { repo, base }
    }

    fn dir(&self) -> &Path {
        self.repo.path()
    }

    /// Commits an edit of the draft, past the hook (as a push from elsewhere would).
    fn commit(&self, from: &str, to: &str, subject: &str) -> String {
        self.repo.edit(DOC, from, to);
        ok(self.dir(), &["commit", "-q", "--no-verify", "-am", subject]);
        head(self.dir())
    }

    /// A good change to the draft.
    fn good_commit(&self) -> String {
        self.commit(
            "3. 完善財務內控與資產盤點。",
            "3. 完善財務內控與資產盤點。\n4. 建立檔案數位化流程。",
            "plan",
        )
    }

    /// Branch `feature` from `main`: a good commit, one with a status the workflow does not
    /// know (E012), and one that repairs it, so the final tree is clean. Returns its head.
    fn branch_with_a_bad_middle_commit(&self) -> String {
        ok(self.dir(), &["checkout", "-q", "-b", "feature"]);
        self.good_commit();
        self.commit("status: draft", "status: drfat", "a typo");
        self.commit("status: drfat", "status: draft", "repaired")
    }

    /// Branch `feature` from `main` with one good commit. Returns its head.
    fn good_branch(&self) -> String {
        ok(self.dir(), &["checkout", "-q", "-b", "feature"]);
        self.good_commit()
    }

    /// CI's clone of this repository (every branch as `origin/…`), HEAD where CI starts.
    fn ci_clone(&self) -> tempfile::TempDir {
        let ci = tempfile::tempdir().unwrap();
        let (cloned, said) = common::git::run(
            Path::new("."),
            &[
                "clone",
                "-q",
                "--no-local",
                self.dir().to_str().unwrap(),
                ci.path().to_str().unwrap(),
            ],
        );
        assert!(cloned, "{said}");
        ci
    }
}

/// The merge commit of `head` into `base` that a pull or merge request's pipeline builds by
/// default, made in `ci`.
fn merge_commit(ci: &Path, base: &str, head_commit: &str) -> String {
    ok(ci, &["checkout", "-q", "--detach", base]);
    ok(
        ci,
        &[
            "merge",
            "-q",
            "--no-ff",
            "--no-verify",
            "--no-edit",
            head_commit,
        ],
    );
    head(ci)
}

/// What a job's shell steps did: the exit status of the first that failed (0 when none did),
/// and everything they printed.
#[derive(Debug)]
struct Run {
    status: i32,
    said: String,
}

/// Runs shell `script` in `dir` with bash as the CI runs it (`-eo pipefail`), with only the
/// given variables besides PATH (the clerk under test first) and a home of its own.
fn bash(dir: &Path, script: &str, vars: &BTreeMap<String, String>) -> Run {
    let bin = common::clerk_on_path();
    let home = tempfile::tempdir().unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .current_dir(dir)
        .env_clear()
        .env("PATH", path)
        .env("HOME", home.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        // The assertions read clerk's English; the example association speaks zh-Hant.
        .env("CLERK_LANG", "en")
        .envs(vars)
        .output()
        .expect("bash");
    Run {
        status: out.status.code().unwrap_or(-1),
        said: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn template(rel: &str) -> (String, Value) {
    let text = std::fs::read_to_string(common::crate_dir().join("records-example").join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    let yaml = clerk::parse::yaml::parse_value(&text).unwrap_or_else(|e| panic!("{rel}: {e:?}"));
    (text, yaml)
}

fn str_map(value: Option<&Value>) -> BTreeMap<String, String> {
    value
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (k.clone(), v)
                })
                .collect()
        })
        .unwrap_or_default()
}

mod github {
    use super::*;

    const WORKFLOW: &str = ".github/workflows/clerk.yml";

    /// A GitHub Actions event: the values of the expressions (`github.…`) it gives.
    pub struct Event {
        expressions: BTreeMap<&'static str, String>,
    }

    impl Event {
        fn new(name: &str, sha: &str, git_ref: &str) -> Event {
            let mut expressions: BTreeMap<&'static str, String> = [
                "github.base_ref",
                "github.head_ref",
                "github.event.before",
                "github.event.pull_request.head.sha",
                "github.event.pull_request.base.sha",
            ]
            .into_iter()
            .map(|k| (k, String::new()))
            .collect();
            expressions.insert("github.event_name", name.into());
            expressions.insert("github.sha", sha.into());
            expressions.insert("github.ref", git_ref.into());
            let ref_name = git_ref.rsplit('/').next().unwrap_or_default();
            expressions.insert("github.ref_name", ref_name.into());
            expressions.insert("github.event.repository.default_branch", "main".into());
            Event { expressions }
        }

        /// A pull request of `head` into `main`, whose tip is `base`; GitHub's merge commit is
        /// made in `ci` and is `github.sha`.
        pub fn pull_request(ci: &Path, base: &str, head_commit: &str) -> Event {
            let merge = merge_commit(ci, base, head_commit);
            let mut event = Event::new("pull_request", &merge, "refs/pull/1/merge");
            for (k, v) in [
                ("github.base_ref", "main"),
                ("github.head_ref", "feature"),
                ("github.event.pull_request.head.sha", head_commit),
                ("github.event.pull_request.base.sha", base),
            ] {
                event.expressions.insert(k, v.into());
            }
            event
        }

        /// A push of `branch` from `before` to `after`.
        pub fn push(branch: &str, before: &str, after: &str) -> Event {
            let mut event = Event::new("push", after, &format!("refs/heads/{branch}"));
            event
                .expressions
                .insert("github.event.before", before.into());
            event
        }

        /// A scheduled run on the default branch at `sha` (no `github.event.repository`).
        pub fn schedule(sha: &str) -> Event {
            let mut event = Event::new("schedule", sha, "refs/heads/main");
            event
                .expressions
                .insert("github.event.repository.default_branch", String::new());
            event
        }

        /// The text with each `${{ expression }}` replaced by its value.
        fn expand(&self, text: &str) -> String {
            let mut out = String::new();
            let mut rest = text;
            while let Some(start) = rest.find("${{") {
                out.push_str(&rest[..start]);
                let end = rest[start..].find("}}").expect("a closed ${{") + start;
                let expression = rest[start + 3..end].trim();
                out.push_str(self.value(expression));
                rest = &rest[end + 2..];
            }
            out.push_str(rest);
            out
        }

        fn value(&self, expression: &str) -> &str {
            self.expressions
                .get(expression)
                .unwrap_or_else(|| panic!("the test does not know `{expression}`"))
        }

        /// A step's `if:`: `a == 'x'` and `a != 'x'`, joined by `&&`.
        fn holds(&self, condition: &str) -> bool {
            condition.split("&&").all(|part| {
                let (lhs, rhs, equal) = match part.split_once("==") {
                    Some((l, r)) => (l, r, true),
                    None => {
                        let (l, r) = part
                            .split_once("!=")
                            .unwrap_or_else(|| panic!("the test cannot evaluate `{condition}`"));
                        (l, r, false)
                    }
                };
                let value = self.value(lhs.trim());
                (value == rhs.trim().trim_matches('\'')) == equal
            })
        }

        /// The variables GitHub sets for every step.
        fn defaults(&self) -> BTreeMap<String, String> {
            [
                ("GITHUB_EVENT_NAME", "github.event_name"),
                ("GITHUB_SHA", "github.sha"),
                ("GITHUB_REF", "github.ref"),
                ("GITHUB_REF_NAME", "github.ref_name"),
                ("GITHUB_BASE_REF", "github.base_ref"),
                ("GITHUB_HEAD_REF", "github.head_ref"),
            ]
            .into_iter()
            .map(|(var, expression)| (var.to_string(), self.value(expression).to_string()))
            .chain([
                ("CI".to_string(), "true".to_string()),
                ("GITHUB_ACTIONS".to_string(), "true".to_string()),
            ])
            .collect()
        }
    }

    /// Runs the workflow's `check` job for `event` in `ci`: actions/checkout as its `with:`
    /// asks (the merge commit of a pull request unless `ref:` names another), other actions
    /// and the install step skipped, each `run:` step with its `env:`.
    pub fn run_check(ci: &Path, event: &Event) -> Run {
        let (_, yaml) = template(WORKFLOW);
        let job = &yaml["jobs"]["check"];
        let mut env = str_map(yaml.get("env"));
        env.extend(str_map(job.get("env")));
        let mut said = String::new();
        for step in job["steps"].as_array().expect("steps") {
            let name = step["name"].as_str().unwrap_or_default();
            if let Some(action) = step["uses"].as_str() {
                if action.starts_with("actions/checkout@") {
                    checkout(ci, event, &step["with"]);
                }
                continue;
            }
            let script = step["run"].as_str().expect("a step runs something");
            if name.starts_with("Install clerk") {
                assert!(script.contains("cargo install"), "{name}: {script}");
                continue;
            }
            if let Some(condition) = step["if"].as_str() {
                if !event.holds(condition) {
                    continue;
                }
            }
            let mut vars = event.defaults();
            vars.extend(env.iter().map(|(k, v)| (k.clone(), event.expand(v))));
            vars.extend(
                str_map(step.get("env"))
                    .into_iter()
                    .map(|(k, v)| (k, event.expand(&v))),
            );
            let run = bash(ci, &event.expand(script), &vars);
            said.push_str(&run.said);
            if run.status != 0 {
                return Run {
                    status: run.status,
                    said,
                };
            }
        }
        Run { status: 0, said }
    }

    fn checkout(ci: &Path, event: &Event, with: &Value) {
        assert_eq!(
            with["fetch-depth"].as_i64(),
            Some(0),
            "checkout fetches every commit"
        );
        let wanted = event.expand(with["ref"].as_str().unwrap_or_default());
        let commit = if wanted.is_empty() {
            event.value("github.sha").to_string()
        } else {
            wanted
        };
        ok(ci, &["checkout", "-q", "--detach", &commit]);
    }

    #[test]
    fn a_bad_commit_in_the_middle_of_a_pull_request_fails() {
        let origin = Origin::new();
        let head_commit = origin.branch_with_a_bad_middle_commit();
        let ci = origin.ci_clone();
        let event = Event::pull_request(ci.path(), &origin.base, &head_commit);
        let run = run_check(ci.path(), &event);
        assert_eq!(run.status, 1, "{}", run.said);
        assert!(
            run.said.contains(&format!("::error file={DOC},"))
                && run.said.contains("title=E012::`status` is `drfat`"),
            "{}",
            run.said
        );
    }

    #[test]
    fn a_good_pull_request_passes() {
        let origin = Origin::new();
        let head_commit = origin.good_branch();
        let ci = origin.ci_clone();
        let event = Event::pull_request(ci.path(), &origin.base, &head_commit);
        let run = run_check(ci.path(), &event);
        assert_eq!(run.status, 0, "{}", run.said);
        assert!(
            run.said.contains(&format!("after {}", &origin.base[..7]))
                && run.said.contains("0 errors"),
            "{}",
            run.said
        );
    }

    #[test]
    fn a_first_push_and_a_scheduled_run_check_the_whole_history() {
        let origin = Origin::new();
        let ci = origin.ci_clone();
        for event in [
            Event::push("main", ZEROS, &origin.base),
            Event::schedule(&origin.base),
        ] {
            let run = run_check(ci.path(), &event);
            assert_eq!(run.status, 0, "{}", run.said);
            assert!(
                run.said.contains("whole history") && run.said.contains("checked 92 records"),
                "{}",
                run.said
            );
        }
    }

    #[test]
    fn a_new_branch_is_checked_from_the_default_branch() {
        let origin = Origin::new();
        let head_commit = origin.branch_with_a_bad_middle_commit();
        let ci = origin.ci_clone();
        let run = run_check(ci.path(), &Event::push("feature", ZEROS, &head_commit));
        assert_eq!(run.status, 1, "{}", run.said);
        assert!(
            run.said.contains(&format!("after {}", &origin.base[..7]))
                && run.said.contains("title=E012::"),
            "{}",
            run.said
        );
    }

    #[test]
    fn a_push_to_main_after_a_commit_passes() {
        let origin = Origin::new();
        let after = origin.good_commit();
        let ci = origin.ci_clone();
        let run = run_check(ci.path(), &Event::push("main", &origin.base, &after));
        assert_eq!(run.status, 0, "{}", run.said);
        assert!(
            run.said.contains(&format!("after {}", &origin.base[..7]))
                && run.said.contains("0 errors"),
            "{}",
            run.said
        );
    }

    /// The shell text never holds a `${{ }}` expression: GitHub would paste a branch name or a
    /// title into the script before bash reads it (script injection); values come through
    /// `env:` instead.
    #[test]
    fn run_steps_read_values_from_the_environment() {
        let (_, yaml) = template(WORKFLOW);
        for (job_name, job) in yaml["jobs"].as_object().unwrap() {
            for step in job["steps"].as_array().unwrap() {
                if let Some(script) = step["run"].as_str() {
                    assert!(!script.contains("${{"), "{job_name}: {script}");
                }
            }
        }
    }

    /// Each job that checks out the repository may read it (a job's `permissions:` replaces the
    /// defaults, and a private repository needs `contents: read`), and installs clerk at the
    /// pinned version, cached by that version (saved right after installing, so a failed check
    /// keeps it).
    #[test]
    fn every_job_can_check_out_and_installs_the_pinned_clerk_once() {
        let (_, yaml) = template(WORKFLOW);
        assert!(yaml["env"]["CLERK_VERSION"].is_string(), "a pinned version");
        for (job_name, job) in yaml["jobs"].as_object().unwrap() {
            let steps = job["steps"].as_array().unwrap();
            let permissions = job.get("permissions").or_else(|| yaml.get("permissions"));
            if let Some(permissions) = permissions {
                assert_eq!(
                    permissions["contents"].as_str(),
                    Some("read"),
                    "{job_name} checks out the repository"
                );
            }
            for action in ["actions/cache/restore@", "actions/cache/save@"] {
                let cache = steps
                    .iter()
                    .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with(action)))
                    .unwrap_or_else(|| panic!("{job_name} uses {action}"));
                assert_eq!(cache["with"]["path"].as_str(), Some("~/.cargo/bin/clerk"));
                assert!(
                    cache["with"]["key"]
                        .as_str()
                        .is_some_and(|k| k.contains("env.CLERK_VERSION")),
                    "{job_name}: {cache}"
                );
            }
            let install = steps
                .iter()
                .find(|s| {
                    s["name"]
                        .as_str()
                        .is_some_and(|n| n.starts_with("Install clerk"))
                })
                .unwrap_or_else(|| panic!("{job_name} installs clerk"));
            let script = install["run"].as_str().unwrap();
            assert!(
                script.contains("--rev \"$CLERK_VERSION\"") && script.contains("--locked"),
                "{job_name}: {script}"
            );
            assert!(
                install["if"]
                    .as_str()
                    .is_some_and(|c| c.contains("cache-hit")),
                "{job_name} installs only on a cache miss"
            );
        }
        // The publish job keeps the site's PDFs and search parts for the next build.
        let publish = yaml["jobs"]["publish"]["steps"].as_array().unwrap();
        let site = publish
            .iter()
            .find(|s| {
                s["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("actions/cache@"))
            })
            .expect("publish caches the site's parts");
        let paths = site["with"]["path"].as_str().unwrap();
        assert!(paths.contains(".git/clerk/pdf") && paths.contains(".git/clerk/search"));
        assert!(site["with"]["key"]
            .as_str()
            .is_some_and(|k| k.contains("env.CLERK_VERSION")));
    }
}

mod gitlab {
    use super::*;

    const PIPELINE: &str = ".gitlab-ci.yml";

    /// A GitLab pipeline: its predefined variables and the commit it checks out.
    pub struct Pipeline {
        vars: BTreeMap<String, String>,
        checkout: String,
    }

    impl Pipeline {
        fn new(source: &str, sha: &str, before: &str, ref_name: &str) -> Pipeline {
            let vars = [
                ("CI", "true"),
                ("GITLAB_CI", "true"),
                ("CI_PIPELINE_SOURCE", source),
                ("CI_COMMIT_SHA", sha),
                ("CI_COMMIT_BEFORE_SHA", before),
                ("CI_COMMIT_REF_NAME", ref_name),
                ("CI_DEFAULT_BRANCH", "main"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
            Pipeline {
                vars,
                checkout: sha.to_string(),
            }
        }

        fn set(mut self, key: &str, value: &str) -> Pipeline {
            self.vars.insert(key.to_string(), value.to_string());
            self
        }

        /// A merge request of `feature` (at `head`) into `main` (at `base`), in a merge
        /// request pipeline: the source branch checked out.
        pub fn merge_request(base: &str, head_commit: &str) -> Pipeline {
            Pipeline::new("merge_request_event", head_commit, ZEROS, "feature")
                .set("CI_MERGE_REQUEST_IID", "1")
                .set("CI_MERGE_REQUEST_DIFF_BASE_SHA", base)
                .set("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
                .set("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature")
        }

        /// The same merge request in a merged results pipeline: GitLab's merge commit of the
        /// two, made in `ci`, is checked out.
        pub fn merged_result(ci: &Path, base: &str, head_commit: &str) -> Pipeline {
            let merge = merge_commit(ci, base, head_commit);
            let mut pipeline = Pipeline::merge_request(base, head_commit)
                .set("CI_COMMIT_SHA", &merge)
                .set("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", head_commit)
                .set("CI_MERGE_REQUEST_EVENT_TYPE", "merged_result");
            pipeline.checkout = merge;
            pipeline
        }

        /// A push of `branch` from `before` to `after`.
        pub fn push(branch: &str, before: &str, after: &str) -> Pipeline {
            Pipeline::new("push", after, before, branch).set("CI_COMMIT_BRANCH", branch)
        }

        /// A scheduled pipeline on the default branch at `sha`.
        pub fn schedule(sha: &str) -> Pipeline {
            Pipeline::new("schedule", sha, ZEROS, "main").set("CI_COMMIT_BRANCH", "main")
        }

        /// Whether a job's `rules:` let it run: each `if:` is `$A == "x"`, `$A == $B` or
        /// `$A` alone, joined by `||`.
        fn runs(&self, rules: &Value) -> bool {
            let value = |term: &str| -> String {
                let term = term.trim();
                match term.strip_prefix('$') {
                    Some(var) => self.vars.get(var).cloned().unwrap_or_default(),
                    None => term.trim_matches('"').to_string(),
                }
            };
            rules.as_array().expect("rules").iter().any(|rule| {
                let condition = rule["if"].as_str().expect("an if: rule");
                condition
                    .split("||")
                    .any(|part| match part.split_once("==") {
                        Some((a, b)) => value(a) == value(b),
                        None => !value(part).is_empty(),
                    })
            })
        }
    }

    /// The job with its `extends:` template's keys underneath its own.
    fn job(yaml: &Value, name: &str) -> Value {
        let mut job = yaml[name].clone();
        if let Some(base) = job["extends"].as_str() {
            let mut merged = yaml[base].as_object().cloned().expect("the extended job");
            merged.extend(job.as_object().unwrap().clone());
            job = Value::Object(merged);
        }
        job
    }

    /// Runs the pipeline's `check` job: the commit checked out, the variables set, the
    /// `script:` run (the `before_script:`, which installs clerk, skipped).
    pub fn run_check(ci: &Path, pipeline: &Pipeline) -> Run {
        let (_, yaml) = template(PIPELINE);
        let job = job(&yaml, "check");
        assert!(
            pipeline.runs(&job["rules"]),
            "the check job runs in this pipeline"
        );
        assert_eq!(
            yaml["variables"]["GIT_DEPTH"].as_i64(),
            Some(0),
            "every commit is fetched"
        );
        let install: Vec<&str> = job["before_script"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert!(
            install.iter().any(|l| l.contains("cargo install")),
            "before_script installs clerk: {install:?}"
        );
        ok(ci, &["checkout", "-q", "--detach", &pipeline.checkout]);
        let script: Vec<&str> = job["script"]
            .as_array()
            .expect("script")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let mut vars = str_map(yaml.get("variables"));
        vars.extend(str_map(job.get("variables")));
        vars.extend(pipeline.vars.clone());
        vars.insert("CI_PROJECT_DIR".into(), ci.display().to_string());
        bash(ci, &script.join("\n"), &vars)
    }

    #[test]
    fn a_bad_commit_in_the_middle_of_a_merge_request_fails() {
        let origin = Origin::new();
        let head_commit = origin.branch_with_a_bad_middle_commit();
        let ci = origin.ci_clone();
        for pipeline in [
            Pipeline::merge_request(&origin.base, &head_commit),
            Pipeline::merged_result(ci.path(), &origin.base, &head_commit),
        ] {
            let run = run_check(ci.path(), &pipeline);
            assert_eq!(run.status, 1, "{}", run.said);
            assert!(
                run.said.contains("error[E012]: `status` is `drfat`")
                    && run.said.contains("“a typo”"),
                "{}",
                run.said
            );
        }
    }

    #[test]
    fn a_good_merge_request_passes() {
        let origin = Origin::new();
        let head_commit = origin.good_branch();
        let ci = origin.ci_clone();
        for pipeline in [
            Pipeline::merge_request(&origin.base, &head_commit),
            Pipeline::merged_result(ci.path(), &origin.base, &head_commit),
        ] {
            let run = run_check(ci.path(), &pipeline);
            assert_eq!(run.status, 0, "{}", run.said);
            assert!(
                run.said.contains(&format!("after {}", &origin.base[..7]))
                    && run.said.contains("0 errors"),
                "{}",
                run.said
            );
        }
    }

    #[test]
    fn a_first_push_and_a_scheduled_pipeline_check_the_whole_history() {
        let origin = Origin::new();
        let ci = origin.ci_clone();
        for pipeline in [
            Pipeline::push("main", ZEROS, &origin.base),
            Pipeline::schedule(&origin.base),
        ] {
            let run = run_check(ci.path(), &pipeline);
            assert_eq!(run.status, 0, "{}", run.said);
            assert!(
                run.said.contains("whole history") && run.said.contains("checked 92 records"),
                "{}",
                run.said
            );
        }
    }

    #[test]
    fn a_push_to_main_after_a_commit_passes() {
        let origin = Origin::new();
        let after = origin.good_commit();
        let ci = origin.ci_clone();
        let run = run_check(ci.path(), &Pipeline::push("main", &origin.base, &after));
        assert_eq!(run.status, 0, "{}", run.said);
        assert!(
            run.said.contains(&format!("after {}", &origin.base[..7]))
                && run.said.contains("0 errors"),
            "{}",
            run.said
        );
    }

    /// clerk is installed at the pinned version and cached by it.
    #[test]
    fn clerk_is_installed_once_per_pinned_version() {
        let (_, yaml) = template(PIPELINE);
        assert!(yaml["variables"]["CLERK_VERSION"].is_string());
        for name in ["check", "pages"] {
            let job = job(&yaml, name);
            // One cache, or a list of them (GitLab takes up to four).
            let caches = match &job["cache"] {
                Value::Array(list) => list.clone(),
                one => vec![one.clone()],
            };
            let holding = |path: &str| {
                caches
                    .iter()
                    .find(|c| c["paths"].to_string().contains(path))
                    .cloned()
                    .unwrap_or_else(|| panic!("{name} caches {path}: {}", job["cache"]))
            };
            assert!(
                holding(".clerk/")["key"]
                    .as_str()
                    .is_some_and(|k| k.contains("$CLERK_VERSION")),
                "{name}: {}",
                job["cache"]
            );
            if name == "pages" {
                // The site's PDFs and search parts, for the next build.
                let site = holding(".git/clerk/pdf/");
                assert!(site["paths"].to_string().contains(".git/clerk/search/"));
            }
            let install = job["before_script"].to_string();
            assert!(
                install.contains("--rev \\\"$CLERK_VERSION\\\""),
                "{name}: {install}"
            );
        }
    }
}
