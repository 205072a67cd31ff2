# Motivo – user interface strings (English).
# A new language: copy this file to <code>.ftl (e.g. sv.ftl) and translate it; no code changes are needed.

language-name = English
# The language scenario texts are shown in (fi or en).
content-lang = en
decimal-separator = .
# A date: { $year }, { $month }, { $day }, and the two-digit { $month2 }, { $day2 }.
date = { $year }-{ $month2 }-{ $day2 }
certificate-file = certificate.html
certificate-download = motivo-certificate.html
window-title = Motivo – motivational interviewing practice

app-title = Motivo – motivational interviewing practice
language = Language
open-settings = Settings
back-to-start = Start
start-welcome = Practise motivational interviewing in digital support. Pick an exercise. The client is simulated: you can try things calmly, go back and try again.
continue-scenario = Continue where you left off: { $title }
module-e-services = Challenges of e-services
module-ethics = Ethics and law of digital support
module-vulnerable = Clients in vulnerable positions
module-security = Advising on information security
module-independence = Towards independent use
module-counselling = Counselling skills
status-new = Not started
status-in-progress = In progress
status-passed = Passed { $times ->
        [one] on the first attempt
       *[other] in { $times } attempts
    } – best level: { $level }
status-not-passed = Not passed yet ({ $times ->
        [one] one attempt
       *[other] { $times } attempts
    }, best level: { $level })
status-unavailable = Not in this version
course-passed = Scenarios passed: { $passed }/{ $total }
course-outcomes = Learning outcomes mastered: { $mastered }/{ $total }
module-mastered = Outcome mastered
module-locked = Locked
module-coming = Scenarios coming
module-open = Open
module-outcome = Outcome: { $outcome }
other-scenarios = Other scenarios
trend-title = Progress against earlier attempts
trend-col-attempt = Attempt
trend-col-date = Date
trend-col-level = Level
trend-col-relational = Relational
trend-col-technical = Technical

certificate-title = Course complete!
certificate-help = Every learning outcome is mastered. Save the certificate, open it in a browser and print it or save it as a PDF.
certificate-name = Name on the certificate
certificate-save = Save the certificate
certificate-saved = Certificate saved: { $path }
certificate-downloaded = The certificate was downloaded to your browser's downloads.
certificate-failed = The certificate could not be saved: { $error }

report-turn-limit = The conversation reached the exercise's maximum length, so the client ended it here.
level-below-fair = below fair
level-fair = fair
level-good = good

persona = Client
persona-name-age = { $name }, { $age }
persona-service = About the service: { $service }
goal = Goal of the conversation
outcomes = You practise
start-conversation = Start the conversation
resume-conversation = Continue where you left off
intro-keys = Enter starts.

you = You
open-report = Open the feedback
back-to-conversation = Back to the conversation
exam-mode-note = Exam mode: feedback is shown at the end.
meter-title = How { $name } seems now
meter-value = { $value }/{ $max }
meter-importance = Importance
meter-confidence = Confidence
meter-discord = Discord
meter-help = Importance and confidence are the client's own ratings on a 0–10 scale. Discord shows how much friction there is between you and the client.
feedback-title = Feedback on your reply { $n }
feedback-codes = Your reply was: { $codes }
feedback-consistent = Consistent with MI
feedback-inconsistent = Not consistent with MI
feedback-why = Why: { $why }
feedback-ethics = Ethics: { $explain }
feedback-better = A better alternative ({ $n }): “{ $text }”
rewind-to = Back to reply { $n }
compare-title = Two tries side by side
compare-close = Close the comparison
compare-same-until = { $n ->
        [0] The tries differ from the first reply on.
        [one] The first reply is the same in both.
       *[other] Replies 1–{ $n } are the same in both.
    }
compare-earlier = Earlier try
compare-now = This try
compare-unfinished = In progress
compare-state = Importance { $importance }, confidence { $confidence }, discord { $discord }
outcome-NextStep = The client named their own next step.
outcome-Referral = The client was referred to a fitting service.
outcome-Postpones = The client put the decision off.
outcome-Disengages = The client withdrew from the conversation.
keys-ending = Enter opens the feedback.
free-text-unavailable = Typed replies cannot be coded in this version: pick a reply from the options.
write-reply = Write your reply to the client.
write-then-pick = Write your own reply first, then pick the option closest to it.
reply-hint = Write a reply…
reply-box-label = Your reply
send = Send
pick-reply = Pick your reply:
pick-closest = Pick the option closest to your reply:
keys-conversation = Keys: digits 1–9 pick an option, Enter sends text, Ctrl+Z takes back the last reply.

report-title = Feedback: { $title }
report-unfinished = The conversation is not finished.
report-level = Overall level: { $level }
try-again = Try again
miti-title = MITI summary scores
miti-measure = Measure
miti-value = Your result
miti-fair = Fair
miti-good = Good
miti-level = Level
miti-relational = Relational (partnership, empathy)
miti-technical = Technical (cultivating change talk)
miti-pct-cr = Share of complex reflections
miti-r-q = Reflections per question
client-talk-summary = Client change talk { $ct }, sustain talk { $st } – change talk { $pct } %.
chart-codes = Codes of your replies
chart-change-talk = Change talk (%)
chart-rulers = Importance and confidence over the conversation
axis-turn = Reply
ethics-title = Digital-support ethics
ethics-none = No ethics findings.
ethics-finding = Reply { $turn }: { $kind }
ethics-TakesCredentials = handling bank codes or passwords
ethics-LogsInAsClient = logging in as the client
ethics-ActsWithoutAuthorisation = acting without authorisation
ethics-DoesItForClient = doing it for the client
ethics-PrivacyBreach = exposing the client's data
ethics-IgnoresSafetySignal = ignoring a safety signal
ethics-BeyondCompetence = going beyond your competence
turns-title = Reply by reply
turn-client = { $n }. Client: “{ $text }”
turn-you = You: “{ $text }”

code-OQ = open question
code-CQ = closed question
code-SR = simple reflection
code-CR = complex reflection
code-AF = affirmation
code-SEEK = seeking collaboration
code-EMPH = emphasising autonomy
code-GI = giving information
code-PER = persuading without permission
code-PWP = persuading with permission
code-CON = confronting
code-NONE = no code

settings-title = Settings
settings-close = Done
text-size = Text size
text-smaller = Smaller
text-larger = Larger
text-reset = Normal
high-contrast = High contrast
feedback-mode = Feedback
feedback-coach = Coach
feedback-coach-help = Feedback after every reply.
feedback-exam = Exam
feedback-exam-help = No feedback during the conversation, only at the end.
settings-saved-note = Settings are saved on this device.

notice-no-coder = Typed replies cannot be coded right now. Pick a reply from the options.
error-empty = The reply is empty. Write something before sending.
error-too-long = The reply is too long ({ $chars } characters, at most { $max }). Shorten it.
error-not-text = The reply contains characters that are not text.
error-no-route = The scenario has no way on for this reply. Try other words.
error-finished = The conversation has already ended.
error-wrong-input = This turn takes a different kind of reply.
error-other = The reply could not be handled.

# How the learner answers: pick, write then pick, write freely.
answer-mode = How you answer
answer-mode-here = How do you want to answer in this scenario?
answer-mode-minimum = The scenario's author can ask for typing at some turns: there you type even if you chose the options.
answer-pick = Pick from the options
answer-pick-help = You pick a reply from the options. Where a turn takes typing, you can also write your own. A good way to get started; outcomes are mastered in your own words.
answer-write-then-pick = Write, then pick the closest
answer-write-then-pick-help = You write your own reply first, then pick the option closest to it. Your written reply is coded and scored.
answer-write = Write freely
answer-write-help = You write your reply in your own words. It is coded, and the conversation goes on from it.
write-or-pick = Write your own reply or pick one of the options.
pick-after-writing = Write your own reply first; then you can pick the option closest to it:
code-with-abbr = { $name } ({ $abbr })
coded-confidence = How sure the coding is: { $pct } %
coded-low-confidence = The coding is uncertain: your reply was hard to classify, so this feedback may miss.
coded-evidence = “{ $cue }”: { $code }
coded-ethics = Ethics concern in your words: { $kind } – “{ $evidence }”
coded-ethics-likely = Possible ethics concern in your words (the coder is not certain; think about how this would land for the client): { $kind } – “{ $evidence }”
verdict-passed = You passed this scenario.
verdict-not-passed = You have not passed this scenario yet.
verdict-unfinished = The conversation is not finished, so the scenario is not passed yet.
verdict-try-again = You can try again as many times as you like.
verdict-practice-only = Outcomes count attempts where you answered in your own words (by writing). Answering by picking is practice.
miti-row = Your result { $value } – fair { $fair }, good { $good }
miti-row-level = Level: { $level }
chart-codes-consistent = consistent with MI
chart-codes-inconsistent = not consistent with MI
chart-codes-count = { $n }
chart-change-talk-line = Change talk
chart-discord = Discord over the conversation

# Trainer mode (motivo --scenario FILE.ron)
trainer-file = Trainer mode: { $path }
trainer-not-recorded = These plays are not recorded as progress.
trainer-loaded = File loaded. It is loaded again whenever you save it.
trainer-reloaded = File loaded again.
trainer-reload-kept = File loaded again: the conversation goes on where it was ({ $n ->
        [one] one reply was played again
       *[other] { $n } replies were played again
    }).
trainer-reload-restarted = File loaded again: reply { $n } could not be played again, so the conversation restarted at node { $node } with the same client state.
trainer-reload-started-over = File loaded again: the conversation started over, as its node is gone.
trainer-errors = The file could not be loaded: { $n ->
        [one] one error
       *[other] { $n } errors
    }. Fix and save it, and it is loaded again.
trainer-errors-kept = The file has { $n ->
        [one] an error
       *[other] { $n } errors
    }: you are still playing the last version that loaded.
trainer-diagnostic = { $path }:{ $line }:{ $column }: { $code } { $message }
trainer-more = … and { $n } more (motivo check shows them all).
trainer-jump = Play from a node
trainer-node = Node
trainer-flags = Flags
trainer-play-here = Play from here
trainer-from-current = Where the conversation is
trainer-var-importance = Importance
trainer-var-confidence = Confidence
trainer-var-discord = Discord
trainer-var-momentum = Momentum
# Language files from a folder (--i18n, MOTIVO_I18N_DIR, <data dir>/i18n/)
i18n-not-a-language = { $file }: the file name is not a language code ({ $code }); name it e.g. sv.ftl.
i18n-syntax = { $file }:{ $line }:{ $column }: Fluent syntax error ({ $count ->
        [one] one error
       *[other] { $count } errors
    }); the language was not added.
i18n-too-large = { $file }: language file too large ({ $bytes } bytes, at most { $max }).
i18n-unreadable = { $file }: the file could not be read: { $error }
