# Motivo – käyttöliittymän tekstit (suomi).
# Uusi kieli: kopioi tämä tiedosto nimellä <koodi>.ftl (esim. sv.ftl) ja käännä; koodia ei tarvitse muuttaa.

language-name = Suomi
# Kieli, jolla skenaarioiden tekstit näytetään (fi tai en).
content-lang = fi
decimal-separator = ,
# Päivämäärä: { $day }.{ $month }.{ $year } (myös { $day2 } ja { $month2 }: kaksinumeroiset).
date = { $day }.{ $month }.{ $year }
certificate-file = todistus.html
certificate-download = motivo-todistus.html
window-title = Motivo – motivoivan haastattelun harjoittelu

app-title = Motivo – motivoivan haastattelun harjoittelu
language = Kieli
open-settings = Asetukset
back-to-start = Alkuun
start-welcome = Harjoittele motivoivaa haastattelua digituen tilanteissa. Valitse harjoitus. Asiakas on simuloitu: voit kokeilla rauhassa, palata taaksepäin ja yrittää uudelleen.
continue-scenario = Jatka keskeneräistä: { $title }
module-e-services = Sähköisen asioinnin haasteet
module-ethics = Digituen etiikka ja laki
module-vulnerable = Haavoittuvassa asemassa oleva asiakas
module-security = Tietoturvasta neuvominen
module-independence = Kohti itsenäistä asiointia
module-counselling = Motivoivan keskustelun taidot
status-new = Ei aloitettu
status-in-progress = Kesken
status-passed = Läpäisty { $times ->
        [one] yhdellä yrityksellä
       *[other] { $times } yrityksellä
    } – paras taso: { $level }
status-not-passed = Ei vielä läpäisty ({ $times ->
        [one] yksi yritys
       *[other] { $times } yritystä
    }, paras taso: { $level })
status-unavailable = Ei tässä versiossa
course-passed = Läpäistyt harjoitukset: { $passed }/{ $total }
course-outcomes = Saavutetut osaamistavoitteet: { $mastered }/{ $total }
module-mastered = Osaamistavoite saavutettu
module-locked = Lukittu
module-coming = Harjoituksia tulossa
module-open = Avoinna
module-outcome = Tavoite: { $outcome }
other-scenarios = Muut harjoitukset
trend-title = Kehitys aiempiin yrityksiin
trend-col-attempt = Yritys
trend-col-date = Päivä
trend-col-level = Taso
trend-col-relational = Suhdetaidot
trend-col-technical = Tekniset taidot

certificate-title = Kurssi suoritettu!
certificate-help = Kaikki osaamistavoitteet on saavutettu. Tallenna todistus, avaa se selaimessa ja tulosta tai tallenna PDF:ksi.
certificate-name = Nimi todistukseen
certificate-save = Tallenna todistus
certificate-saved = Todistus tallennettu: { $path }
certificate-downloaded = Todistus ladattiin selaimen latauksiin.
certificate-failed = Todistusta ei voitu tallentaa: { $error }

report-turn-limit = Keskustelu venyi harjoituksen enimmäispituuteen, joten asiakas päätti sen tähän.
level-below-fair = alle tyydyttävän
level-fair = tyydyttävä
level-good = hyvä

persona = Asiakas
persona-name-age = { $name }, { $age } v
persona-service = Asia koskee palvelua: { $service }
goal = Keskustelun tavoite
outcomes = Harjoittelet
start-conversation = Aloita keskustelu
resume-conversation = Jatka siitä, mihin jäit
intro-keys = Enter aloittaa.

you = Sinä
open-report = Avaa palaute
back-to-conversation = Takaisin keskusteluun
exam-mode-note = Koetila: palaute näytetään vasta lopuksi.
meter-title = Miltä { $name } nyt näyttää
meter-value = { $value }/{ $max }
meter-importance = Tärkeys
meter-confidence = Luottamus omaan kykyyn
meter-discord = Ristiriita
meter-help = Tärkeys ja luottamus ovat asiakkaan arvioita asteikolla 0–10. Ristiriita kertoo, kuinka paljon sinun ja asiakkaan välillä hiertää.
feedback-title = Palaute vastauksestasi { $n }
feedback-codes = Vastauksesi oli: { $codes }
feedback-consistent = MI:n hengen mukainen
feedback-inconsistent = Ei MI:n hengen mukainen
feedback-why = Miksi: { $why }
feedback-ethics = Eettinen huomio: { $explain }
feedback-better = Parempi vaihtoehto ({ $n }): ”{ $text }”
rewind-to = Palaa vastaukseen { $n }
compare-title = Kaksi yritystä rinnakkain
compare-close = Sulje vertailu
compare-same-until = { $n ->
        [0] Yritykset eroavat heti ensimmäisestä vastauksesta.
        [one] Ensimmäinen vastaus on molemmissa sama.
       *[other] Vastaukset 1–{ $n } ovat molemmissa samat.
    }
compare-earlier = Aiempi yritys
compare-now = Tämä yritys
compare-unfinished = Kesken
compare-state = Tärkeys { $importance }, luottamus { $confidence }, ristiriita { $discord }
outcome-NextStep = Asiakas nimesi oman seuraavan askeleensa.
outcome-Referral = Asiakas ohjattiin sopivaan palveluun.
outcome-Postpones = Asiakas lykkäsi päätöstä.
outcome-Disengages = Asiakas vetäytyi keskustelusta.
keys-ending = Enter avaa palautteen.
free-text-unavailable = Vapaan tekstin tulkinta ei ole tässä versiossa käytössä: valitse vastaus vaihtoehdoista.
write-reply = Kirjoita vastauksesi asiakkaalle.
write-then-pick = Kirjoita ensin oma vastauksesi, valitse sitten sitä lähin vaihtoehto.
reply-hint = Kirjoita vastaus…
reply-box-label = Vastauksesi
send = Lähetä
pick-reply = Valitse vastauksesi:
pick-closest = Valitse omaa vastaustasi lähin vaihtoehto:
keys-conversation = Näppäimet: numerot 1–9 valitsevat vaihtoehdon, Enter lähettää tekstin, Ctrl+Z peruu viimeisen vastauksen.

report-title = Palaute: { $title }
report-unfinished = Keskustelu on kesken.
report-level = Kokonaistaso: { $level }
try-again = Yritä uudelleen
miti-title = MITI-tunnusluvut
miti-measure = Mittari
miti-value = Sinun tuloksesi
miti-fair = Tyydyttävä
miti-good = Hyvä
miti-level = Taso
miti-relational = Suhdetaidot (kumppanuus, empatia)
miti-technical = Tekniset taidot (muutospuheen vahvistaminen)
miti-pct-cr = Monimuotoisten heijastusten osuus
miti-r-q = Heijastuksia kysymystä kohden
client-talk-summary = Asiakkaan muutospuhetta { $ct }, pysymispuhetta { $st } – muutospuheen osuus { $pct } %.
chart-codes = Vastaustesi koodit
chart-change-talk = Muutospuheen osuus (%)
chart-rulers = Tärkeys ja luottamus keskustelun aikana
axis-turn = Vastaus
ethics-title = Digituen etiikka
ethics-none = Ei eettisiä huomioita.
ethics-finding = Vastaus { $turn }: { $kind }
ethics-TakesCredentials = tunnuslukujen tai salasanojen käsittely
ethics-LogsInAsClient = kirjautuminen asiakkaan puolesta
ethics-ActsWithoutAuthorisation = asiointi ilman valtuutusta
ethics-DoesItForClient = tekeminen asiakkaan puolesta
ethics-PrivacyBreach = tietosuojan vaarantaminen
ethics-IgnoresSafetySignal = turvallisuusmerkin ohittaminen
ethics-BeyondCompetence = oman osaamisen rajan ylittäminen
turns-title = Vastaus vastaukselta
turn-client = { $n }. Asiakas: ”{ $text }”
turn-you = Sinä: ”{ $text }”

code-OQ = avoin kysymys
code-CQ = suljettu kysymys
code-SR = yksinkertainen heijastus
code-CR = monimuotoinen heijastus
code-AF = vahvistaminen
code-SEEK = yhteistyön hakeminen
code-EMPH = itsemääräämisen korostaminen
code-GI = tiedon antaminen
code-PER = suostuttelu ilman lupaa
code-PWP = suostuttelu luvan kanssa
code-CON = vastakkainasettelu
code-NONE = ei koodia

settings-title = Asetukset
settings-close = Valmis
text-size = Tekstin koko
text-smaller = Pienempi
text-larger = Suurempi
text-reset = Normaali
high-contrast = Suuri kontrasti
feedback-mode = Palaute
feedback-coach = Valmennus
feedback-coach-help = Palaute jokaisen vastauksen jälkeen.
feedback-exam = Koe
feedback-exam-help = Ei palautetta kesken keskustelun, vain lopuksi.
settings-saved-note = Asetukset tallentuvat tälle laitteelle.

notice-no-coder = Kirjoitettuja vastauksia ei voi nyt tulkita. Valitse vastaus vaihtoehdoista.
error-empty = Vastaus on tyhjä. Kirjoita jotain ennen lähettämistä.
error-too-long = Vastaus on liian pitkä ({ $chars } merkkiä, enintään { $max }). Lyhennä sitä.
error-not-text = Vastauksessa on merkkejä, jotka eivät ole tekstiä.
error-no-route = Tähän vastaukseen skenaariossa ei ole jatkoa. Kokeile toisin sanoin.
error-finished = Keskustelu on jo päättynyt.
error-wrong-input = Tässä kohdassa vastataan toisella tavalla.
error-other = Vastausta ei voitu käsitellä.

# Vastaustapa: valitse, kirjoita ja valitse, kirjoita vapaasti.
answer-mode = Vastaustapa
answer-mode-here = Miten vastaat tässä harjoituksessa?
answer-mode-minimum = Harjoituksen laatija voi vaatia kirjoittamista joissakin kohdissa: silloin kirjoitat, vaikka olisit valinnut vaihtoehdot.
answer-pick = Valitse vaihtoehdoista
answer-pick-help = Valitset vastauksen valmiista vaihtoehdoista. Kohdissa, joihin voi kirjoittaa, voit myös kirjoittaa oman vastauksesi. Hyvä tapa tutustua; osaamistavoite saavutetaan omin sanoin.
answer-write-then-pick = Kirjoita ja valitse lähin
answer-write-then-pick-help = Kirjoitat ensin oman vastauksesi, sitten valitset sitä lähimmän vaihtoehdon. Kirjoittamasi vastaus tulkitaan ja pisteytetään.
answer-write = Kirjoita vapaasti
answer-write-help = Kirjoitat vastauksesi omin sanoin. Se tulkitaan, ja keskustelu jatkuu sen mukaan.
write-or-pick = Kirjoita oma vastauksesi tai valitse vaihtoehdoista.
pick-after-writing = Kirjoita ensin oma vastauksesi, niin voit valita sitä lähimmän vaihtoehdon:
code-with-abbr = { $name } ({ $abbr })
coded-confidence = Tulkinnan varmuus: { $pct } %
coded-low-confidence = Tulkinta on epävarma: vastauksesi oli vaikea luokitella. Palaute voi osua ohi.
coded-evidence = ”{ $cue }”: { $code }
coded-ethics = Eettinen huomio sanoissasi: { $kind } – ”{ $evidence }”
coded-ethics-likely = Mahdollinen eettinen ongelma sanoissasi (tulkinta ei ole varma, mutta mieti, miten tämä asiakkaan kannalta menisi): { $kind } – ”{ $evidence }”
verdict-passed = Läpäisit tämän harjoituksen.
verdict-not-passed = Et vielä läpäissyt tätä harjoitusta.
verdict-unfinished = Keskustelu on kesken, joten harjoitus ei ole vielä läpäisty.
verdict-try-again = Voit yrittää uudelleen niin monta kertaa kuin haluat.
verdict-practice-only = Osaamistavoitteeseen lasketaan suoritukset, joissa vastasit omin sanoin (kirjoittamalla). Valitsemalla vastaaminen on harjoittelua.
miti-row = Sinun tuloksesi { $value } – tyydyttävä { $fair }, hyvä { $good }
miti-row-level = Taso: { $level }
chart-codes-consistent = MI:n hengen mukainen
chart-codes-inconsistent = ei MI:n hengen mukainen
chart-codes-count = { $n } kpl
chart-change-talk-line = Muutospuhe
chart-discord = Ristiriita keskustelun aikana

# Kouluttajatila (motivo --scenario TIEDOSTO.ron)
trainer-file = Kouluttajatila: { $path }
trainer-not-recorded = Näitä harjoituksia ei tallenneta edistymiseen.
trainer-loaded = Tiedosto ladattu. Se ladataan uudelleen aina, kun tallennat sen.
trainer-reloaded = Tiedosto ladattu uudelleen.
trainer-reload-kept = Tiedosto ladattu uudelleen: keskustelu jatkuu samasta kohdasta ({ $n ->
        [one] yksi vastaus pelattiin uudelleen
       *[other] { $n } vastausta pelattiin uudelleen
    }).
trainer-reload-restarted = Tiedosto ladattu uudelleen: vastausta { $n } ei voitu pelata uudelleen, joten keskustelu alkoi uudelleen solmusta { $node } samalla asiakkaan tilalla.
trainer-reload-started-over = Tiedosto ladattu uudelleen: keskustelu alkoi alusta, koska sen solmua ei enää ole.
trainer-errors = Tiedostoa ei voitu ladata: { $n ->
        [one] yksi virhe
       *[other] { $n } virhettä
    }. Korjaa ja tallenna, niin se ladataan uudelleen.
trainer-errors-kept = Tiedostossa on { $n ->
        [one] virhe
       *[other] { $n } virhettä
    }: harjoittelet yhä viimeistä toimivaa versiota.
trainer-diagnostic = { $path }:{ $line }:{ $column }: { $code } { $message }
trainer-more = … ja { $n } muuta (motivo check näyttää kaikki).
trainer-jump = Pelaa solmusta
trainer-node = Solmu
trainer-flags = Liput
trainer-play-here = Pelaa tästä
trainer-from-current = Nykyinen kohta
trainer-var-importance = Tärkeys
trainer-var-confidence = Luottamus omaan kykyyn
trainer-var-discord = Ristiriita
trainer-var-momentum = Muutoksen suunta
# Kielitiedostot kansiosta (--i18n, MOTIVO_I18N_DIR, <datakansio>/i18n/)
i18n-not-a-language = { $file }: tiedoston nimi ei ole kielikoodi ({ $code }); nimeä se esim. sv.ftl.
i18n-syntax = { $file }:{ $line }:{ $column }: Fluent-syntaksivirhe ({ $count ->
        [one] yksi virhe
       *[other] { $count } virhettä
    }); kieltä ei otettu käyttöön.
i18n-too-large = { $file }: liian suuri kielitiedosto ({ $bytes } tavua, enintään { $max }).
i18n-unreadable = { $file }: tiedostoa ei voitu lukea: { $error }
