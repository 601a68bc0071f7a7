# clerk's command line: the few messages of its own (the help itself is the doc comments of
# src/cli.rs and src/cmd/*, and clap's own words).
cli-lang-unknown = `{ $lang }` is not a language clerk speaks: zh-Hant, zh-Hans or en
cli-chdir-failed = cannot change to `{ $dir }`: { $why }
cli-not-a-date = `{ $value }` is not a date (YYYY-MM-DD)
help-man-wrote = wrote the manual pages into { $dir }
help-man-no-command = there is no command `{ $name }` (`clerk --help` lists them)
