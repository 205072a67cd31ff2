# Motivo engine and command-line messages: English.
# Every file here has the same message ids with the same variables (a test checks it); a new file is a new language.


## certificate

certificate-not-complete = The course is not complete yet, so there is no certificate. { $why }
certificate-title = Certificate
certificate-outcome = Learning outcome
certificate-practised = Scenarios passed
certificate-date = Achieved
certificate-completed = Course completed
certificate-issued = Certificate printed
certificate-name-line = has completed the practice course
certificate-anonymous = The learner has completed the practice course
certificate-footer = Motivo is a self-paced practice environment. This certificate is based on Motivo's automated MI feedback (MITI 4.2.1 thresholds) and is not a degree certificate.

## cli

cli-error = error
cli-warning = warning
cli-check-ok = ok: { $path } ({ $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    })
cli-check-summary = checked { $files } file(s): { $errors } error(s), { $warnings } warning(s)
cli-check-problem-detail = { $what }: { $err }
cli-check-not-a-file = not a regular file (e.g. a pipe or a device); it is not read
cli-check-internal = internal error while checking this file (a bug; please report it)
cli-check-cannot-read-folder = cannot read the folder
cli-check-cannot-open = cannot open
cli-check-cannot-read = cannot read
cli-check-no-files = no .ron files found
cli-note = note
cli-check-course-not-loaded = the course file does not load, so `module` is not checked against it (`motivo check` on it shows why)
cli-play-you = You
cli-play-options = Reply options
cli-play-prompt-choice = Pick a number (or type your own reply)
cli-play-prompt-text = Type your reply
cli-play-prompt-pick = Now pick the closest option by its number
cli-play-prompt-pick-only = Pick an option by its number
cli-play-prompt-write-then-pick = Type your reply (then you pick the closest option)
cli-play-help = Commands: a number picks an option, :back N returns to turn N, :quit stops.
cli-play-feedback = Feedback
cli-play-better = A better option would have been
cli-play-even-better = An even stronger option would have been
cli-play-numbered-from-one = Options are numbered from 1.
cli-play-fair = fair
cli-play-good = good
cli-play-codes = Codes
cli-play-ending = Ending
cli-play-not-finished = The conversation was left unfinished.
cli-play-goal = Goal
cli-play-report = MI report
cli-play-ethics = Digital-support ethics
cli-play-no-coder = Coding your own replies is not available right now. Pick an option by its number.
cli-play-passed = You passed: the client reached a good outcome, your MI skills were at least at the fair level, and the ethics of digital support were kept.
cli-play-not-passed = You have not passed this scenario yet:
cli-play-picked-is-practice = You answered by picking options: that is practice. Only a pass in your own words counts toward the learning outcome (--answer write or write-then-pick).
cli-play-state = Client's state
cli-cannot-read-file = cannot read { $path }: { $err }
cli-play-first-error = { $message } (run `motivo check { $path }` for all problems)
cli-play-no-scenario = no bundled scenario or file `{ $id }`; `motivo list` shows the bundled scenarios
cli-report-mi-adherent = MI-adherent (AF+SEEK+EMPH)
cli-report-mi-non-adherent = MI non-adherent (PER+CON)
cli-report-globals = Global scores (1–5)
cli-report-cct = cultivating change talk (CCT)
cli-report-sst = softening sustain talk (SST)
cli-report-partnership = partnership
cli-report-empathy = empathy
cli-report-technical = technical
cli-report-relational = relational
cli-report-level = Level
cli-report-change-talk = Change talk
cli-report-importance = importance
cli-report-confidence = confidence
cli-report-discord = discord
cli-paths-explored = { $scenario }: { $states } states explored (depth at most { $depth } replies)
cli-paths-explored-truncated = { $scenario }: { $states } states explored (depth at most { $depth } replies), TRUNCATED: some of it was not explored, counts are lower bounds
cli-paths-scored-all = Scored { $scored } paths (all of them).
cli-paths-scored-sample = Scored { $scored } paths (a sample and the extreme paths).
cli-paths-endings = Endings:
cli-paths-good = , good
cli-paths-paths = paths
cli-paths-miti-best-worst = MITI best/worst
cli-paths-reply-score = reply score
cli-paths-passed = passed
cli-paths-not-reached = not reached in the explored part; a chain of options leads here if the conditions allow
cli-paths-shortest-mi = shortest MI-consistent path
cli-paths-no-mi-path = no path of MI-consistent options only
cli-paths-dead-ends = Dead ends:
cli-paths-depth-cut = States cut at the depth bound:
cli-paths-loops = Loops (an option leads back to a visited node):
cli-paths-no-warnings = No warnings.
cli-paths-warnings = Warnings
cli-paths-path = path
cli-paths-validity = Validity: always the k-th option (k = 1…5, seeds 1–8) passes { $passes }/{ $plays } ({ $per_k }); a random picker { $random_passes }/{ $random_plays }.
cli-new-bad-id = the id `{ $id }` is not valid: use lowercase letters a–z, digits and `-` (e.g. `my-prescription`)
cli-new-bad-module = the module id `{ $id }` is not valid
cli-new-exists = { $path } exists already (overwrite it with --force)
cli-new-wrote = Wrote { $file } and its test plan { $plan }.
cli-new-next = Next: motivo check --strict { $file }; motivo test { $plan }; motivo play { $file }
cli-test-not-bundled-name = the name does not start with a bundled scenario id
cli-test-wrote-plans = wrote { $n } plans to { $dir }
cli-test-reply-failure = reply { $t }: { $failure }
cli-test-coverage = Coverage:
cli-test-nodes = nodes
cli-test-options = options
cli-test-typed-routes = typed routes
cli-test-endings = endings
cli-test-endings-not-tested = endings not tested
cli-test-summary = { $plans } plans, { $failed } failed, { $errors } errors
cli-graph-kind-option = option
cli-graph-kind-typed = typed
cli-graph-kind-clarify = clarify
cli-graph-from = From
cli-graph-kind = Kind
cli-graph-label = Codes / rule
cli-graph-to = To
cli-graph-legend = Box: a turn (options / typed rules). Colours: green next step, blue referral, orange postpones, red disengages. Solid line: an option (dashed: conditional); dotted: a typed reply; red: an ethics problem. Hover over a line to see its name.
cli-graph-limit = Turn limit: { $m } replies → { $ending }

## code

code-name-oq = open question
code-name-cq = closed question
code-name-sr = simple reflection
code-name-cr = complex reflection
code-name-af = affirmation
code-name-seek = seeking collaboration
code-name-emph = emphasising autonomy
code-name-gi = giving information
code-name-per = persuading without permission
code-name-pwp = persuading with permission
code-name-con = confronting
code-name-none = no code

## coder

coder-note-low-confidence = The coder is not sure how to code this reply; take the code as a rough guide.
coder-note-language-mismatch = { $reply ->
        [fi] The reply is in Finnish, but this play is in English. Write it in English so that it can be coded.
        [sv] The reply is in Swedish, but this play is in English. Write it in English so that it can be coded.
       *[other] The reply is in another language than the play. Write it in the play's language so that it can be coded.
    }
coder-note-filler = A filler on its own (e.g. "ok", "mm") is not yet a reflection or a question: it is neutral.
coder-note-off-topic = The reflection shares no word with the client's line. If it gives back the client's meaning in other words, fine; the coder cannot check that.

## cond

cond-number = `{ $text }` is not a number
cond-too-large-numbers-conditions = `{ $text }` is too large; numbers in conditions are at most { $MAX_NUMBER } in absolute value
cond-unexpected-character = unexpected character `{ $c }`
cond-condition-empty = the condition is empty
cond-condition-bytes-long-conditions = the condition is { $len } bytes long; conditions may be at most { $MAX_LEN } bytes
cond-expected-end-condition = expected `and`, `or` or the end of the condition
cond-condition-nests-brackets-more = the condition nests brackets and `not` more than { $MAX_DEPTH } deep
cond-expected = expected { $what }
cond-condition-ends-too-early = the condition ends too early
cond-unknown-mi-code = unknown MI code `{ $code }`
cond-expected-comparison-after-e = expected a comparison after `{ $word }`, e.g. `{ $word } >= 5`
cond-expected-number = expected a number
cond-unknown-variable-numeric-variables = unknown variable `{ $word }`; numeric variables are { $names }
cond-expected-variable-flag-visited = expected a variable, flag, `visited(…)`, `used(…)`, `unheard(…)`, `heard(…)` or `(`
cond-expected-arg = expected { $what }
cond-arg-node-id = a node id
cond-arg-mi-code = an MI code
cond-arrow = `{ $found }` is not a comparison; did you mean `{ $fix }`?

## course

course-valid-course-id = `{ $id }` is not a valid course id
course-course-version-must-more = the course version must be 1 or more
course-course-title = the course title
course-course-modules = the course has no modules
course-valid-module-id = `{ $id }` is not a valid module id
course-module-defined-twice = module `{ $id }` is defined twice
course-first-definition-module = the first definition is module { $n }
course-title-module = the title of module `{ $id }`
course-outcome-module = the outcome of module `{ $id }`
course-description-module = the description of module `{ $id }`
course-scenario-listed-twice-module = scenario `{ $s }` is listed twice in module `{ $id }`
course-module-lists-scenario-exist = module `{ $id }` lists scenario `{ $s }`, which does not exist
course-unknown-scenario = unknown scenario
course-did-you-mean = did you mean `{ $id }`?
course-scenarios = the scenarios are { $ids }
course-scenario-module-here-but = scenario `{ $s }` is in module `{ $id }` here, but its own file says module `{ $own }`
course-counts-toward-both-when = it counts toward both when `{ $own }` is a module of the course; set `module: "{ $id }"` in the scenario to agree
course-outcome-scenarios-yet-so = outcome `{ $id }` has no scenarios yet, so it cannot be mastered
course-module-marked-planned-learners = the module is marked `planned`: learners see it as coming soon
course-list-scenarios-scenarios-mark = list scenarios in `scenarios: [...]`, or mark the module `planned: true`
course-module-marked-planned-but = module `{ $id }` is marked `planned` but has { $count } scenario(s)
course-remove-planned-true-so = remove `planned: true` so learners see the module as open
course-module-would-mastered-scenario = module `{ $id }` would be mastered with no scenario passed
course-use-atleast-more = use `AtLeast(1)` or more
course-module-needs-passed-scenarios = module `{ $id }` needs { $n } passed scenarios but has only { $count }
course-scenario-names-module-course = scenario `{ $id }` names module `{ $module }`, which is not in the course
course-scenario-count-toward-any = the scenario does not count toward any outcome
course-module-opens-after-module = module `{ $id }` opens after module `{ $dep }`, which does not exist
course-module-opens-only-after = module `{ $id }` opens only after `{ $dep }`, which has no scenarios yet
course-learners-cannot-open-until = learners cannot open it until those scenarios exist
course-unlock-rules-form-cycle = the unlock rules form a cycle: { $cycle }
course-none-these-modules-can = none of these modules can ever open
course-ids-use-lowercase-letters = ids use lowercase letters, digits and `-`

## date

date-style = iso

## decimal

decimal-separator = .

## diag

diag-text-empty = { $what } is empty
diag-text-missing-lang = { $what } has no `{ $lang }` text

## ethics

ethics-takes-credentials = you asked for or handled the client's credentials
ethics-logs-in-as-client = you logged in as the client
ethics-acts-without-authorisation = you acted for the client without an authorisation
ethics-does-it-for-client = you did the task for the client
ethics-privacy-breach = the client's data was left exposed
ethics-ignores-safety-signal = you passed over a sign that the client's safety is at risk
ethics-beyond-competence = you went beyond your competence

## feedback

feedback-coded-consistent = Your reply was coded as: { $list }. It is consistent with MI.
feedback-coded-inconsistent = Your reply was coded as: { $list }. It is not consistent with MI: advice without permission or arguing usually makes the client push back.
feedback-evidence = What the coding rests on: { $parts }.
feedback-coder-unsure = The coder is not sure about this one, so take the code as a pointer only.

## level

level-below-fair = below fair
level-fair = fair
level-good = good

## list

list-and = { $init } and { $last }
list-comma = { $first }, { $next }
list-semicolon = { $first }; { $next }

## load

load-file-utf-text-invalid = the file is not UTF-8 text (invalid byte at offset { $at })
load-file-contains-nul-byte = the file contains a NUL byte
load-scenario-files-utf-text = scenario files are UTF-8 text; is this a binary file?
load-too-large = the file is { $size }; scenario files may be at most { $max } MB
load-unclosed-string = unclosed string: the string starting at { $line }:{ $column } has no closing quote `"`
load-unclosed-string-label = this string is not closed
load-unclosed-string-taken-end = the quote at { $line }:{ $column } was read as its end, so the text after that is out of place; add `"` where this string's text ends
load-unclosed-string-to-end = it runs to the end of the file; add `"` where its text ends

## mastery

mastery-measure-relational = relational skills (partnership and empathy)
mastery-measure-technical = technical skills (cultivating change talk, softening sustain talk)
mastery-measure-pct-cr = share of complex reflections
mastery-measure-r-q = reflections to questions
mastery-ethics-other = an ethics problem
mastery-outcome-other = the conversation did not end well
mastery-not-attempted = You have not practised this yet.
mastery-level-too-low = Your MITI level was { $level }; passing needs at least { $needed }.
mastery-level-too-low-below = Your MITI level was { $level }; passing needs at least { $needed } ({ $list }).
mastery-no-good-ending = The conversation did not end well ({ $outcome }): the aim is that the client names their own next step or is referred to a fitting service.
mastery-ethics-problems = The ethics of digital support were not followed: { $list }.
mastery-not-own-words = You answered by picking options. That is good practice, but only replies written in your own words count toward the learning outcome: choose ”I write” or ”I write, then pick” before you start.
mastery-older-version = You played version { $played }; the scenario has been updated (version { $current }), so play it again.
mastery-scenario-missing = Scenario `{ $scenario }` is not in this version.
mastery-harder-needed = Mastery also needs a pass on a harder level (difficulty { $min_difficulty } or more): { $list }.
mastery-scenarios-left = { $needed ->
        [one] Pass { $needed } more scenario: { $list }.
       *[other] Pass { $needed } more scenarios: { $list }.
    }
mastery-no-scenarios-yet = There are no scenarios for this outcome yet.
mastery-locked-mastered = Opens when you have mastered: { $list }.
mastery-locked-started = Opens when you have passed a scenario in each of: { $list }.
mastery-outcomes-left = Outcomes not yet mastered: { $list }.

## next

next-step-play = Next: practise "{ $title }".
next-step-retry = Next: try "{ $title }" again.
next-step-certificate = The course is complete! Print your certificate.
next-step-wait = You have passed every scenario available. More are coming for: { $modules }.

## outcome

outcome-next-step = the client named their own next step
outcome-referral = the client was referred to a service that fits them
outcome-postpones = the client put the decision off
outcome-disengages = the client withdrew from the conversation

## paths

paths-consistent-option-ends-badly = The MI-consistent option `{ $o }` of turn `{ $n }` leads to a good ending by no continuation: a learner who does the right thing cannot succeed.
paths-good-ending-only-by-typing = The good ending `{ $ending }` is reached only by typing: no option path leads there.
paths-good-ending-unreachable = No option path reaches the good ending `{ $ending }`.
paths-good-ending-with-ethics = The good ending `{ $ending }` is reachable by a path with a digital-support ethics problem ({ $at }): the client should not react as if all were well.
paths-passes-with-few-consistent = A path passes with only { $mi } MI-consistent replies ({ $min } expected at difficulty { $difficulty }).
paths-dead-end = Turn `{ $d }` shows no option in some state: a learner who picks options is stuck.

## reply

reply-empty = The reply is empty. Write something before sending.
reply-too-long = The reply is too long ({ $chars } characters, at most { $max }). Shorten it.
reply-not-text = The reply contains characters that are not text.

## ron

ron-file-nests-deeper-than = the file nests deeper than { $MAX_NESTING } levels
ron-scenario-files-flat-lists = scenario files are flat lists of nodes; check for runaway brackets
ron-did-you-mean = did you mean `{ $n }`?
ron-codes = the codes are { $codes }
ron-unknown-mi-code = unknown MI code `{ $found }`
ron-file-ends-too-early = the file ends too early (is it cut off?)
ron-check-every-closed = check that every `(`, `[` and `"` is closed
ron-check-closes-too-early = check that no `)` or `]` closes too early
ron-in-type = {" "}(in type `{ $o }`)
ron-in-struct = {" "}(in `{ $o }`)
ron-from-struct = {" "}(in `{ $o }`)
ron-type-string = a string in quotes ("…")
ron-type-bool = `true` or `false`
ron-type-list = a list `[…]`
ron-type-map = a map `{"{"}…{"}"}`
ron-type-char = a single character
ron-type-option = `Some(…)` or `None`
ron-type-unit = `()`
ron-type-number = a number
ron-type-uint = a whole number, 0 or more
ron-type-int = a whole number
ron-type-struct = a structure `{ $name }(…)`
ron-type-enum = one of the variants of `{ $name }`
ron-type-tuple = a tuple `(…)` of { $n } items
ron-found-string = the string { $v }
ron-found-bool = the boolean { $v }
ron-found-int = the whole number { $v }
ron-found-float = the decimal number { $v }
ron-found-char = the character { $v }
ron-found-option = an optional value
ron-found-variant = a variant name
ron-unknown-variant = unknown variant `{ $found }`{ $at }
ron-unknown-variant-allowed = unknown variant `{ $found }`{ $at }; the allowed ones are { $allowed }
ron-unknown-field = unknown field `{ $found }`{ $at }; the allowed fields are { $allowed }
ron-missing-field = the required field `{ $field }` is missing{ $at }
ron-duplicate-field = the field `{ $field }` is given twice{ $at }
ron-wrong-type = expected { $expected }, not { $found }
ron-wrong-length = expected { $expected }, but there are { $found } items
ron-wrong-struct-name = expected `{ $expected }`, not `{ $found }`
ron-expected-open-paren = expected an opening bracket `(`
ron-expected-named-paren = expected `{ $name }(` or `(`
ron-expected-close-paren = expected a closing bracket `)` (or a comma before the next field)
ron-expected-list = a list should start here: the opening `[` is missing
ron-expected-list-end = expected the list's closing `]` (or a comma before the next item)
ron-expected-map = expected an opening `{"{"}`
ron-expected-colon = a colon `:` is missing here
ron-expected-map-end = expected a closing `{"}"}`
ron-expected-comma = a comma `,` is missing here
ron-expected-string = expected a string in quotes ("…")
ron-unclosed-string = the string is not closed: the closing quote `"` is missing
ron-expected-identifier = expected a name (of a field or a variant)
ron-expected-bool = expected `true` or `false`
ron-expected-integer = expected a whole number
ron-expected-number = expected a number
ron-expected-unit = expected `()`
ron-expected-option = expected `Some(…)` or `None`
ron-expected-char = expected a single character in single quotes ('x')
ron-escape-unknown = the string has an unknown backslash escape: after a backslash may come `"`, `\`, `n`, `t` or `u{"{"}…{"}"}` (a backslash itself is written `\\`)
ron-escape-hex = a character code in the string has a digit that is not hexadecimal
ron-escape-unicode = the string's Unicode escape is malformed: write it as `\u{"{"}00e4{"}"}`
ron-escape-other = the string has an invalid backslash escape ({ $detail })
ron-integer-out-of-bounds = the number is too large or too small for this field
ron-integer-digit = the character { $digit } is not allowed in a whole number
ron-number-underscore-start = a number cannot start with an underscore
ron-float-underscore = a decimal number cannot contain an underscore
ron-unexpected-char = unexpected character { $c }
ron-trailing-characters = there is more text in the file after the scenario
ron-invalid-identifier = `{ $id }` is not a valid name: a field or variant name starts with a letter
ron-expected-struct-name = expected the name `{ $name }` before the bracket `(`
ron-unclosed-comment = a comment `/* … */` is not closed
ron-not-utf8 = the string is not valid UTF-8 text
ron-invalid-value = invalid value: { $detail }
ron-other = the file is not valid RON: { $detail }

## runtime

runtime-finished = The conversation has ended.
runtime-no-such-option = There is no option { $n } (this turn has { $count }).
runtime-no-such-option-id = No option with the id `{ $id }` is shown at this turn ({ $count } options).
runtime-wrong-input-choice = This turn takes a picked option, not a typed reply.
runtime-wrong-input-free-text = This turn takes a typed reply, not a picked option.
runtime-wrong-input-write-then-pick = This turn takes a typed reply first, then a picked option.
runtime-no-route = No free-text rule of this turn matches the reply.
runtime-no-such-turn = There is no turn { $n } to rewind to ({ $turns } replies so far).
runtime-mismatch = The saved conversation does not fit the scenario: { $detail }

## size

size-mb = { $mb } MB ({ $bytes } bytes)
size-bytes = { $bytes } bytes

## skill

skill-relational = relational skills (partnership and empathy)
skill-technical = cultivating change talk and softening sustain talk
skill-pct-cr = share of complex reflections (at least 40 %)
skill-r-q = at least as many reflections as questions

## trend

trend-first = Your first attempt at this scenario.
trend-better = Better than last time (attempt { $n }).
trend-same = About the same as last time (attempt { $n }).
trend-worse = Not as good as last time (attempt { $n }).
trend-relational = relational { $sign }{ $change }
trend-technical = technical { $sign }{ $change }
trend-with-changes = { $head } { $changes }.

## typed

typed-free-text-rule-turn = free-text rule { $n } of turn `{ $id }` has neither `next` nor `clarify`
typed-give-next-move-clarify = give `next: "…"` to move on, or `clarify: (…)` for a client line that keeps the turn open
typed-free-text-rule-turn-2 = free-text rule { $n } of turn `{ $id }` has both `clarify` and `next: "{ $next }"`
typed-clarify-line-keeps-turn = a `clarify` line keeps the turn open; leave `next` out
typed-clarify-line-free-text = the clarify line of free-text rule { $n } of turn `{ $id }`
typed-turn-accepts-typed-reply = turn `{ $id }` accepts no typed reply: a learner who answers in their own words cannot go on here
typed-add-free-text-rules = add `free_text` rules that end with `(when: Otherwise, clarify: (…))`
typed-option-turn-id-use = option { $n } of turn `{ $id }` has the id `{ $oid }`: use letters, digits, `-` or `_`
typed-option-id-used-twice = option id `{ $oid }` is used twice in turn `{ $id }`
typed-option-turn-marked-but = option { $n } of turn `{ $id }` is marked `{ $name }`, but no typed-reply rule of the turn catches `{ $name }`
typed-add-when-ethics-next = add `(when: Ethics({ $name }), next: "…")` before `Otherwise`, so a learner who types the same mistake meets the same client
typed-otherwise-rule-turn-sets = the `Otherwise` rule of turn `{ $id }` sets `{ $flags }` although nothing is known about the reply
typed-fallback-should-move-conversation = a fallback should not move the conversation as if the learner had said something; use `clarify: (…)` or set flags only in rules that recognise the reply
typed-otherwise-rule-turn-reaches = the `Otherwise` rule { $rn } of turn `{ $id }` reaches a good ending in { $d } replies, sooner than any MI-consistent reply
typed-unrecognised-reply-must-shortcut = an unrecognised reply must not be the shortcut to a good ending; keep the turn open with `clarify: (…)` or send it where a neutral reply leads
typed-free-text-rule-turn-3 = free-text rule { $rn } of turn `{ $id }` catches a good repair but leads to `{ $next }`, from where only bad endings can be reached
typed-reflection-asking-client-s = a reflection, asking for the client's view or an apology should give the conversation a way back

## val

val-no-lang-text-here = no `{ $lang }` text here
val-add-lang-text = add `{ $lang }: "…"` to this text, translating the `{ $shown }` text “{ $text }”; until then learners see that one
val-scenario-nodes = the scenario has no nodes
val-node-id-must-letters = node id `{ $id }` must be letters, digits, `-` or `_`, starting with a letter or digit
val-node-id-used-twice = node id `{ $id }` is used twice
val-first-used-line = first used on line { $line }
val-start-node-exist = start node `{ $start }` does not exist
val-max-turns-given-without = `max_turns` is given without `on_limit`
val-add-limit-ending-id = add `on_limit: "<ending id>"`: the ending the conversation goes to at the limit
val-limit-given-without-max = `on_limit` is given without `max_turns`
val-limit-goes-node-exist = `on_limit` goes to node `{ $end }`, which does not exist
val-limit-names-turn-must = `on_limit` names turn `{ $end }`; it must name an ending
val-max-turns-must-more = `max_turns` must be 1 or more
val-max-turns-less-than = `max_turns: { $max }` is less than the { $need } replies the shortest route to a good ending needs
val-every-conversation-would-end = every conversation would end at the limit; raise `max_turns`
val-scenario-id-must-lowercase = scenario id `{ $id }` must be lowercase letters, digits, `-` or `_`
val-version-must-more = version must be 1 or more
val-difficulty-out-range-willing = difficulty { $d } is out of range: 1 willing, 2 ambivalent, 3 discordant or in crisis
val-start-state-importance-confidence = start_state: importance, confidence and discord are 0–10, momentum −5…5
val-persona-age-plausible = persona age { $age } is not plausible
val-title = the title
val-summary = the summary
val-goal = the goal
val-persona-s-situation = the persona's situation
val-persona-s-service = the persona's service
val-persona-s-name-empty = the persona's name is empty
val-learning-outcome = learning outcome { $n }
val-cannot-flag-name = `{ $f }` cannot be a flag name
val-flag-declared-twice = flag `{ $f }` is declared twice
val-condition-uses-variable-declared = condition uses `{ $f }`, which is not a variable or a declared flag
val-declare-flags-scenario-s = declare flags in the scenario's `flags: [...]`
val-condition-refers-node-exist = condition refers to node `{ $n }`, which does not exist
val-set-names-flag-declared = `set` names flag `{ $f }`, which is not declared
val-next-goes-node-exist = `next` goes to node `{ $next }`, which does not exist
val-effect-out-range-effects = effect `{ $field }: { $shown }` is out of range; effects are numbers from -{ $MAX_EFFECT } to { $MAX_EFFECT }
val-node-client-lines = node `{ $id }` has no client lines
val-every-line-node-condition = every line of node `{ $id }` has a condition; when none holds, the first line is said
val-line-node = line { $n } of node `{ $id }`
val-line-node-weight-counts = line { $n } of node `{ $id }` has weight 0; it counts as 1
val-meaning-listed-twice-line = meaning `{ $m }` is listed twice in one line
val-meaning-cue-words = meaning `{ $m }` has no cue words
val-debrief-ending = the debrief of ending `{ $id }`
val-turn-options-free-text = turn `{ $id }` has no options and no free-text rules: the conversation stops here
val-add-options-free-text = add `options`, `free_text` rules, or make this node an `Ending`
val-turn-asks-learner-pick = turn `{ $id }` asks the learner to pick an option but has none
val-turn-takes-typed-replies = turn `{ $id }` takes typed replies but has no `free_text` rules
val-option-turn = option { $n } of turn `{ $id }`
val-feedback-option-turn = the feedback of option { $n } of turn `{ $id }`
val-option-turn-mi-codes = option { $n } of turn `{ $id }` has no MI codes
val-give-least-code-e = give at least one code, e.g. `codes: [CR]` (NONE for no code)
val-ethics-explanation-option-turn = the ethics explanation of option { $n } of turn `{ $id }`
val-ethics-explanation-free-text = the ethics explanation of free-text rule { $n } of turn `{ $id }`
val-feedback-free-text-rule = the feedback of free-text rule { $n } of turn `{ $id }`
val-rule-turn-needs-meaning = rule { $n } of turn `{ $id }` needs meaning `{ $m }`, which no line of the turn has
val-free-text-rule-turn = free-text rule { $n } of turn `{ $id }` comes after `Otherwise` (rule { $o }) and never matches
val-free-text-rules-turn = the free-text rules of turn `{ $id }` have no `Otherwise` rule without an `if`
val-free-text-rules-turn-2 = the free-text rules of turn `{ $id }` have no `Otherwise` rule
val-end-rules-when-otherwise = end the rules with `(when: Otherwise, next: "…")` so every typed reply goes somewhere
val-give-option-when-make = give one option no `when` (or make the conditions cover every case), or make the turn `FreeText`
val-option-turn-can-ever = no option of turn `{ $id }` can ever be shown: every `when` is always false
val-every-option-turn-when = every option of turn `{ $id }` has a `when`, and they can all be false at once
val-e-g-when-learner = e.g. when { $state }: the learner would have nothing to pick
val-every-option-turn-when-2 = every option of turn `{ $id }` has a `when`; they may all be false at once
val-check-effect-override-codes = check its `effect` override and codes; see docs/scoring.md for how options are scored
val-node-cannot-reached-from = node `{ $id }` cannot be reached from the start
val-option-free-text-rule = no option or free-text rule leads here
val-ending-can-reached-from = no ending can be reached from node `{ $id }`: the conversation loops forever
val-path-mi-consistent-replies = no path of MI-consistent replies leads from the start to a good ending
val-every-route-nextstep-referral = every route to a `NextStep` or `Referral` ending passes a persuading, confronting or unethical reply
val-scenario-nextstep-referral-ending = the scenario has no `NextStep` or `Referral` ending
val-did-you-mean = did you mean `{ $close }`?
val-meaning-not-at-turn = no line of this turn has this meaning
val-meaning-on-other-node = meaning `{ $m }` is on a line of node `{ $node }`; a rule can use only the meanings of its own turn's lines (and of its `clarify` lines)
val-turn-meanings = this turn's meanings: { $list }
val-add-meaning-to-line = to use it here, add `(id: "{ $m }", side: Change, fi: ["…"])` (or `side: Sustain`) to the `meanings` of one of this turn's lines
val-because-unknown-next = because `next: "{ $next }"` names no node
val-follows-from-unknown-next = this follows from `next: "{ $next }"` at { $line }:{ $column }, which names no node (did you mean `{ $close }`?); fix that first
val-perhaps-because-unknown-next = perhaps because `next: "{ $next }"` names no node
val-may-follow-from-unknown-next = this may follow from `next: "{ $next }"` at { $line }:{ $column }, which names no node; fix that first
val-module-not-in-course = `module: "{ $module }"` is not a module of the course `{ $course }`
val-module-not-in-course-label = no such module in the course
val-course-modules = the course's modules: { $list }
val-module-counts-nowhere = unless a module of the course lists this scenario, passing it counts toward no learning outcome
val-condition-error = condition: { $error }
val-inconsistent-outscores = option { $n } of turn `{ $id }` is MI-inconsistent but scores { $score }, more than option { $m } ({ $good })

## why

why-not-ethics = Ethics of digital support: { $list } (reply { $turns }). One such reply is enough to fail.
why-not-unfinished = The conversation was left unfinished: take it to an ending.
why-not-ending = The conversation did not end well ({ $outcome }). The aim is that the client names their own next step or is referred to a fitting service.
why-not-ending-limit = The conversation did not end well ({ $outcome }). The aim is that the client names their own next step or is referred to a fitting service. The conversation went round in circles until time ran out.
why-not-level = Your MI skills were below the fair level. To work on: { $list }.

## The client model (validate/client.rs, cond.rs)
client-trust-range = `trust: { $trust }` is out of range: trust is 0–10
client-min-consistent-zero = `min_consistent` must be 1 or more
client-reason-not-meaning = sustain reason `{ $r }` is not the id of a `Sustain` meaning of any client line
client-reason-not-meaning-note = a reason is a meaning the client says: `meanings: [(id: "{ $r }", side: Sustain, …)]`
client-cond-unknown-name = `{ $x }` is not a variable, declared flag or node
client-cond-unknown-reason = `{ $r }` is not a declared sustain reason
client-cond-problem = the `{ $field }` condition of `client_model`: { $problem }
client-hears-unknown = `hears` names `{ $h }`, which is not a sustain reason in `client_model.reasons`
client-hears-not-reflection = an option that `hears` a sustain reason must be a reflection (`SR` or `CR`)
client-cond-reason-undeclared = condition names sustain reason `{ $r }`, which is not in `client_model.reasons`
client-reason-never-returns = sustain reason `{ $r }` never comes back: no client line has `unheard({ $r })` in its `when`
client-reason-never-returns-note = write a later line that brings it back ("yes, but…") with `when: "unheard({ $r })"`
client-too-few-consistent = a good ending is reached after only { $n } MI-consistent replies; this scenario asks for at least { $min } (`min_consistent`, by default by `difficulty: { $d }`)
client-too-few-path = the path: { $steps }
client-too-few-note = let the client resist longer: gate the step by `stage` or `trust`, or bring a sustain reason back
cond-unknown-stage = unknown stage `{ $name }`; stages are precontemplation, contemplation, preparation and action
paths-good-ending-too-soon = The good ending `{ $id }` is reached after only { $n } MI-consistent replies (at least { $min }): the client gives in too easily.
cond-arg-reason-id = a sustain reason id
