# Motivon moottorin ja komentorivin viestit: suomi.
# Every file here has the same message ids with the same variables (a test checks it); a new file is a new language.


## certificate

certificate-not-complete = Kurssi ei ole vielä suoritettu, joten todistusta ei voi tulostaa. { $why }
certificate-title = Todistus
certificate-outcome = Osaamistavoite
certificate-practised = Läpäistyt harjoitukset
certificate-date = Saavutettu
certificate-completed = Kurssi suoritettu
certificate-issued = Todistus tulostettu
certificate-name-line = on suorittanut harjoituskurssin
certificate-anonymous = Harjoittelija on suorittanut harjoituskurssin
certificate-footer = Motivo on itseopiskeltava harjoitusympäristö. Todistus perustuu Motivon automaattiseen MI-palautteeseen (MITI 4.2.1 -kynnysarvot) eikä ole tutkintotodistus.

## cli

cli-error = virhe
cli-warning = varoitus
cli-check-ok = ok: { $path } ({ $warnings ->
        [one] { $warnings } varoitus
       *[other] { $warnings } varoitusta
    })
cli-check-summary = tarkistettiin { $files ->
        [one] { $files } tiedosto
       *[other] { $files } tiedostoa
    }: { $errors ->
        [one] { $errors } virhe
       *[other] { $errors } virhettä
    }, { $warnings ->
        [one] { $warnings } varoitus
       *[other] { $warnings } varoitusta
    }
cli-check-problem-detail = { $what }: { $err }
cli-check-not-a-file = ei ole tavallinen tiedosto (esim. putki tai laite); sitä ei lueta
cli-check-internal = sisäinen virhe tämän tiedoston tarkistuksessa (ohjelmavirhe; ilmoitathan siitä)
cli-check-cannot-read-folder = kansiota ei voi lukea
cli-check-cannot-open = ei voi avata
cli-check-cannot-read = ei voi lukea
cli-check-no-files = .ron-tiedostoja ei löytynyt
cli-note = huom
cli-check-course-not-loaded = kurssitiedosto ei lataudu, joten `module`-kenttää ei tarkisteta sitä vasten (`motivo check` kertoo syyn)
cli-play-you = Sinä
cli-play-options = Vastausvaihtoehdot
cli-play-prompt-choice = Valitse numero (tai kirjoita oma vastaus)
cli-play-prompt-text = Kirjoita vastauksesi
cli-play-prompt-pick = Valitse nyt lähin vaihtoehto numerolla
cli-play-prompt-pick-only = Valitse vaihtoehto numerolla
cli-play-prompt-write-then-pick = Kirjoita vastauksesi (valitset sitten lähimmän vaihtoehdon)
cli-play-help = Komennot: numero valitsee vaihtoehdon, :takaisin N palaa vuoroon N, :lopeta lopettaa.
cli-play-feedback = Palaute
cli-play-better = Parempi vaihtoehto olisi ollut
cli-play-even-better = Vielä vahvempi vaihtoehto olisi ollut
cli-play-numbered-from-one = Vaihtoehdot on numeroitu ykkösestä alkaen.
cli-play-fair = tyydyttävä
cli-play-good = hyvä
cli-play-codes = Koodit
cli-play-ending = Loppu
cli-play-not-finished = Keskustelu jäi kesken.
cli-play-goal = Tavoite
cli-play-report = MI-raportti
cli-play-ethics = Digituen etiikka
cli-play-no-coder = Omien vastausten koodaus ei ole nyt käytettävissä. Valitse vaihtoehto numerolla.
cli-play-passed = Läpäisit harjoituksen: asiakas pääsi hyvään lopputulokseen, MI-taitosi olivat vähintään tyydyttävällä tasolla eikä digituen etiikassa ollut huomautettavaa.
cli-play-not-passed = Et vielä läpäissyt tätä harjoitusta:
cli-play-picked-is-practice = Vastasit valitsemalla vaihtoehtoja: se on harjoittelua. Osaamistavoitteeseen lasketaan läpäisy omin sanoin (--answer write tai write-then-pick).
cli-play-state = Asiakkaan tila
cli-cannot-read-file = tiedostoa { $path } ei voi lukea: { $err }
cli-play-first-error = { $message } (kaikki ongelmat näkyvät komennolla `motivo check { $path }`)
cli-play-no-scenario = harjoitusta tai tiedostoa `{ $id }` ei löydy; `motivo list` näyttää mukana tulevat harjoitukset
cli-report-mi-adherent = MI:n mukaiset (AF+SEEK+EMPH)
cli-report-mi-non-adherent = MI:n vastaiset (PER+CON)
cli-report-globals = Globaalit arviot (1–5)
cli-report-cct = muutospuheen vahvistaminen (CCT)
cli-report-sst = ylläpitävän puheen pehmentäminen (SST)
cli-report-partnership = kumppanuus
cli-report-empathy = empatia
cli-report-technical = tekninen
cli-report-relational = suhde
cli-report-level = Taso
cli-report-change-talk = Muutospuhetta
cli-report-importance = tärkeys
cli-report-confidence = luottamus
cli-report-discord = ristiriita
cli-paths-explored = { $scenario }: { $states } tilaa tutkittu (syvyys enintään { $depth } vastausta)
cli-paths-explored-truncated = { $scenario }: { $states } tilaa tutkittu (syvyys enintään { $depth } vastausta), KESKEN: osa jäi tutkimatta, luvut ovat alarajoja
cli-paths-scored-all = Pisteytetty { $scored } polkua (kaikki).
cli-paths-scored-sample = Pisteytetty { $scored } polkua (otos ja ääripolut).
cli-paths-endings = Loput:
cli-paths-good = , hyvä
cli-paths-paths = polkua
cli-paths-miti-best-worst = MITI paras/huonoin
cli-paths-reply-score = vastauspisteet
cli-paths-passed = läpäisee
cli-paths-not-reached = ei tavoitettu tutkitussa osassa; vaihtoehtoketju johtaa tänne, jos ehdot sallivat
cli-paths-shortest-mi = lyhin MI:n mukainen polku
cli-paths-no-mi-path = ei MI:n mukaista polkua pelkillä vaihtoehdoilla
cli-paths-dead-ends = Umpikujat:
cli-paths-depth-cut = Syvyysrajalla katkaistuja tiloja:
cli-paths-loops = Silmukat (vaihtoehto vie jo käytyyn solmuun):
cli-paths-no-warnings = Ei varoituksia.
cli-paths-warnings = Varoitukset
cli-paths-path = polku
cli-paths-validity = Validiteetti: aina k:s vaihtoehto (k = 1…5, siemenet 1–8) läpäisee { $passes }/{ $plays } ({ $per_k }); satunnainen valitsija { $random_passes }/{ $random_plays }.
cli-new-bad-id = tunnus `{ $id }` ei kelpaa: käytä pieniä kirjaimia a–z, numeroita ja väliviivaa (esim. `oma-resepti`)
cli-new-bad-module = moduulin tunnus `{ $id }` ei kelpaa
cli-new-exists = { $path } on jo olemassa (korvaa se valitsimella --force)
cli-new-wrote = Kirjoitettu { $file } ja sen testisuunnitelma { $plan }.
cli-new-next = Seuraavaksi: motivo check --strict { $file }; motivo test { $plan }; motivo play { $file }
cli-test-not-bundled-name = nimi ei ala minkään mukana tulevan harjoituksen tunnuksella
cli-test-wrote-plans = { $n } suunnitelmaa kirjoitettu kansioon { $dir }
cli-test-reply-failure = vastaus { $t }: { $failure }
cli-test-coverage = Kattavuus:
cli-test-nodes = solmut
cli-test-options = vaihtoehdot
cli-test-typed-routes = kirjoitussäännöt
cli-test-endings = loput
cli-test-endings-not-tested = testaamatta loput
cli-test-summary = { $plans } suunnitelmaa, { $failed } epäonnistui, { $errors } virhettä
cli-graph-kind-option = vaihtoehto
cli-graph-kind-typed = kirjoitettu
cli-graph-kind-clarify = tarkennus
cli-graph-from = Mistä
cli-graph-kind = Laji
cli-graph-label = Koodit / sääntö
cli-graph-to = Minne
cli-graph-legend = Laatikko: vuoro (vaihtoehtoja / kirjoitussääntöjä). Värit: vihreä oma askel, sininen ohjaus, oranssi lykkää, punainen vetäytyy. Yhtenäinen viiva: vaihtoehto (katkoviiva: ehdollinen); pisteviiva: kirjoitettu vastaus; punainen: eettinen ongelma. Vie hiiri viivan päälle nähdäksesi sen nimen.
cli-graph-limit = Vuororaja: { $m } vastausta → { $ending }

## code

code-name-oq = avoin kysymys
code-name-cq = suljettu kysymys
code-name-sr = yksinkertainen heijastus
code-name-cr = monimuotoinen heijastus
code-name-af = vahvistaminen
code-name-seek = yhteistyön hakeminen
code-name-emph = itsemääräämisen korostaminen
code-name-gi = tiedon antaminen
code-name-per = suostuttelu ilman lupaa
code-name-pwp = suostuttelu luvan kanssa
code-name-con = vastakkainasettelu
code-name-none = ei koodia

## coder

coder-note-low-confidence = Koodaaja ei ole varma tämän vastauksen koodista; pidä koodia suuntaa antavana.
coder-note-language-mismatch = { $reply ->
        [en] Vastaus on englanniksi, mutta harjoitus on suomeksi. Kirjoita vastaus suomeksi, niin se voidaan koodata.
        [sv] Vastaus on ruotsiksi, mutta harjoitus on suomeksi. Kirjoita vastaus suomeksi, niin se voidaan koodata.
       *[other] Vastaus on eri kielellä kuin harjoitus. Kirjoita se harjoituksen kielellä, niin se voidaan koodata.
    }
coder-note-filler = Pelkkä täytesana (esim. "ok", "joo") ei vielä ole heijastus eikä kysymys: se on neutraali.
coder-note-off-topic = Heijastuksessa ei ole yhtään asiakkaan sanaa. Jos se kertoo asiakkaan ajatuksen omin sanoin, hyvä; koodaaja ei pysty sitä varmistamaan.

## cond

cond-number = `{ $text }` ei ole luku
cond-too-large-numbers-conditions = `{ $text }` on liian suuri; ehdon luku saa olla itseisarvoltaan enintään { $MAX_NUMBER }
cond-unexpected-character = odottamaton merkki `{ $c }`
cond-condition-empty = ehto on tyhjä
cond-condition-bytes-long-conditions = ehto on { $len } tavua pitkä; ehto saa olla enintään { $MAX_LEN } tavua
cond-expected-end-condition = tässä pitäisi olla `and`, `or` tai ehdon loppu
cond-condition-nests-brackets-more = ehdossa on sulkuja ja `not`-sanoja sisäkkäin yli { $MAX_DEPTH } tasoa
cond-expected = tässä pitäisi olla { $what }
cond-condition-ends-too-early = ehto loppuu kesken
cond-unknown-mi-code = MI-koodia `{ $code }` ei ole olemassa
cond-expected-comparison-after-e = muuttujaa `{ $word }` pitää verrata johonkin, esim. `{ $word } >= 5`
cond-expected-number = tässä pitäisi olla luku
cond-unknown-variable-numeric-variables = muuttujaa `{ $word }` ei ole olemassa; lukumuuttujat ovat { $names }
cond-expected-variable-flag-visited = tässä pitäisi olla muuttuja, lippu, `visited(…)`, `used(…)`, `unheard(…)`, `heard(…)` tai `(`
cond-expected-arg = tässä pitäisi olla { $what }
cond-arg-node-id = solmun tunnus
cond-arg-mi-code = MI-koodi
cond-arrow = `{ $found }` ei ole vertailu; tarkoititko `{ $fix }`?

## course

course-valid-course-id = `{ $id }` ei kelpaa kurssin tunnukseksi
course-course-version-must-more = kurssin `version` pitää olla vähintään 1
course-course-title = kurssin nimi (`title`)
course-course-modules = kurssissa ei ole yhtään moduulia
course-valid-module-id = `{ $id }` ei kelpaa moduulin tunnukseksi
course-module-defined-twice = moduuli `{ $id }` on määritelty kahdesti
course-first-definition-module = ensimmäinen määrittely on moduuli { $n }
course-title-module = moduulin `{ $id }` nimi (`title`)
course-outcome-module = moduulin `{ $id }` osaamistavoite (`outcome`)
course-description-module = moduulin `{ $id }` kuvaus (`description`)
course-scenario-listed-twice-module = skenaario `{ $s }` on moduulissa `{ $id }` kahdesti
course-module-lists-scenario-exist = moduulissa `{ $id }` on skenaario `{ $s }`, jota ei ole olemassa
course-unknown-scenario = tuntematon skenaario
course-did-you-mean = tarkoititko `{ $id }`?
course-scenarios = skenaariot ovat { $ids }
course-scenario-module-here-but = skenaario `{ $s }` on tässä moduulissa `{ $id }`, mutta sen oma tiedosto sanoo moduuli `{ $own }`
course-counts-toward-both-when = se lasketaan kumpaankin, jos `{ $own }` on kurssin moduuli; kirjoita skenaarioon `module: "{ $id }"`, niin tiedot täsmäävät
course-outcome-scenarios-yet-so = osaamistavoitteella `{ $id }` ei ole vielä skenaarioita, joten sitä ei voi saavuttaa
course-module-marked-planned-learners = moduuli on merkitty `planned`: oppijat näkevät sen tulossa olevana
course-list-scenarios-scenarios-mark = luettele skenaariot `scenarios: [...]`-listaan tai merkitse moduuliin `planned: true`
course-module-marked-planned-but = moduuli `{ $id }` on merkitty `planned`, mutta siinä on jo skenaarioita: { $count }
course-remove-planned-true-so = poista `planned: true`, niin oppijat näkevät moduulin avoinna
course-module-would-mastered-scenario = moduulin `{ $id }` osaaminen saavutettaisiin läpäisemättä yhtään skenaariota
course-use-atleast-more = käytä arvoa `AtLeast(1)` tai suurempaa
course-module-needs-passed-scenarios = moduuli `{ $id }` vaatii { $n } läpäistyä skenaariota, mutta niitä on vain { $count }
course-scenario-names-module-course = skenaario `{ $id }` kuuluu moduuliin `{ $module }`, jota kurssissa ei ole
course-scenario-count-toward-any = skenaario ei kerrytä mitään osaamistavoitetta
course-module-opens-after-module = moduuli `{ $id }` avautuu moduulin `{ $dep }` jälkeen, mutta sitä ei ole olemassa
course-module-opens-only-after = moduuli `{ $id }` avautuu vasta moduulin `{ $dep }` jälkeen, jossa ei ole vielä skenaarioita
course-learners-cannot-open-until = oppijat eivät voi avata sitä ennen kuin ne skenaariot ovat olemassa
course-unlock-rules-form-cycle = avautumissäännöt muodostavat kehän: { $cycle }
course-none-these-modules-can = yksikään näistä moduuleista ei voi koskaan avautua
course-ids-use-lowercase-letters = tunnuksissa käytetään pieniä kirjaimia, numeroita ja `-`

## date

date-style = dmy

## decimal

decimal-separator = ,

## diag

diag-text-empty = { $what } on tyhjä
diag-text-missing-lang = { $what } on vain yhdellä kielellä: `{ $lang }` puuttuu

## ethics

ethics-takes-credentials = pyysit tai käsittelit asiakkaan tunnuksia
ethics-logs-in-as-client = kirjauduit asiakkaana
ethics-acts-without-authorisation = toimit asiakkaan puolesta ilman valtuutusta
ethics-does-it-for-client = teit asian asiakkaan puolesta
ethics-privacy-breach = asiakkaan tiedot jäivät muiden nähtäville
ethics-ignores-safety-signal = ohitit asiakkaan turvallisuutta koskevan merkin
ethics-beyond-competence = menit oman osaamisesi rajojen yli

## feedback

feedback-coded-consistent = Vastauksesi koodattiin näin: { $list }. Se on MI:n hengen mukainen.
feedback-coded-inconsistent = Vastauksesi koodattiin näin: { $list }. Se ei ole MI:n hengen mukainen: neuvominen ilman lupaa tai vastaan väittäminen lisää yleensä asiakkaan vastustusta.
feedback-evidence = Koodauksen perusteet: { $parts }.
feedback-coder-unsure = Koodari ei ole tästä varma, joten lue koodi suuntaa antavana.

## level

level-below-fair = alle tyydyttävän
level-fair = tyydyttävä
level-good = hyvä

## list

list-and = { $init } ja { $last }
list-comma = { $first }, { $next }
list-semicolon = { $first }; { $next }

## load

load-file-utf-text-invalid = tiedosto ei ole UTF-8-tekstiä (virheellinen tavu kohdassa { $at })
load-file-contains-nul-byte = tiedostossa on NUL-tavu
load-scenario-files-utf-text = skenaariotiedostot ovat UTF-8-tekstiä; onko tämä binääritiedosto?
load-too-large = tiedosto on { $size }; skenaariotiedosto saa olla enintään { $max } Mt
load-unclosed-string = merkkijono jää auki: kohdassa { $line }:{ $column } alkavalta merkkijonolta puuttuu loppulainausmerkki `"`
load-unclosed-string-label = tämä merkkijono jää auki
load-unclosed-string-taken-end = kohdan { $line }:{ $column } lainausmerkki luettiin sen lopuksi, joten sen jälkeinen teksti on väärässä paikassa; lisää `"` siihen, mihin merkkijonon teksti loppuu
load-unclosed-string-to-end = se jatkuu tiedoston loppuun asti; lisää `"` siihen, mihin sen teksti loppuu

## mastery

mastery-measure-relational = suhdetaidot (kumppanuus ja empatia)
mastery-measure-technical = tekniset taidot (muutospuheen vahvistaminen ja ylläpitopuheen pehmentäminen)
mastery-measure-pct-cr = kompleksisten heijastusten osuus
mastery-measure-r-q = heijastusten ja kysymysten suhde
mastery-ethics-other = eettinen ongelma
mastery-outcome-other = keskustelu ei päättynyt hyvin
mastery-not-attempted = Et ole vielä harjoitellut tätä.
mastery-level-too-low = MITI-taso oli { $level }, läpäisyyn tarvitaan vähintään { $needed }.
mastery-level-too-low-below = MITI-taso oli { $level }, läpäisyyn tarvitaan vähintään { $needed } ({ $list }).
mastery-no-good-ending = Keskustelu ei päättynyt hyvin ({ $outcome }): tavoitteena on, että asiakas nimeää oman seuraavan askeleensa tai ohjautuu sopivaan palveluun.
mastery-ethics-problems = Digituen eettiset ohjeet eivät toteutuneet: { $list }.
mastery-not-own-words = Vastasit valitsemalla vaihtoehtoja. Se on hyvää harjoittelua, mutta osaamistavoitteeseen lasketaan vain omin sanoin kirjoitetut vastaukset: valitse aloitusnäkymästä ”Kirjoitan itse” tai ”Kirjoitan ja valitsen”.
mastery-older-version = Harjoittelit versiota { $played }; harjoitus on päivitetty (versio { $current }), joten pelaa se uudelleen.
mastery-scenario-missing = Harjoitusta `{ $scenario }` ei ole tässä versiossa.
mastery-harder-needed = Osaamistavoitteeseen tarvitaan myös läpäisty harjoitus vaativammalla tasolla (vähintään vaikeustaso { $min_difficulty }): { $list }.
mastery-scenarios-left = { $needed ->
        [one] Läpäise vielä { $needed } harjoitus: { $list }.
       *[other] Läpäise vielä { $needed } harjoitusta: { $list }.
    }
mastery-no-scenarios-yet = Tähän osaamistavoitteeseen ei ole vielä harjoituksia.
mastery-locked-mastered = Avautuu, kun hallitset ensin: { $list }.
mastery-locked-started = Avautuu, kun olet läpäissyt ensin yhden harjoituksen kustakin: { $list }.
mastery-outcomes-left = Osaamistavoitteita vielä saavuttamatta: { $list }.

## next

next-step-play = Seuraavaksi: harjoittele "{ $title }".
next-step-retry = Seuraavaksi: yritä uudelleen harjoitusta "{ $title }".
next-step-certificate = Kurssi on suoritettu! Tulosta todistus.
next-step-wait = Olet läpäissyt kaikki tarjolla olevat harjoitukset. Lisää harjoituksia on tulossa: { $modules }.

## outcome

outcome-next-step = asiakas nimesi oman seuraavan askeleensa
outcome-referral = asiakas ohjautui hänelle sopivaan palveluun
outcome-postpones = asiakas lykkäsi päätöstä
outcome-disengages = asiakas vetäytyi keskustelusta

## paths

paths-consistent-option-ends-badly = Vuoron `{ $n }` MI:n mukainen vaihtoehto `{ $o }` ei johda millään jatkolla hyvään loppuun: oppija, joka toimii oikein, ei voi onnistua.
paths-good-ending-only-by-typing = Hyvään loppuun `{ $ending }` pääsee vain kirjoittamalla: mikään vaihtoehtopolku ei vie sinne.
paths-good-ending-unreachable = Hyvään loppuun `{ $ending }` ei pääse millään vaihtoehtopolulla.
paths-good-ending-with-ethics = Hyvään loppuun `{ $ending }` pääsee polulla, jolla on digituen eettinen ongelma ({ $at }): asiakkaan ei pitäisi reagoida siihen kuin kaikki olisi hyvin.
paths-passes-with-few-consistent = Polku läpäisee, vaikka siinä on vain { $mi } MI:n mukaista vastausta (vähintään { $min } odotetaan vaikeustasolla { $difficulty }).
paths-dead-end = Vuorossa `{ $d }` ei näytetä yhtään vaihtoehtoa jossain tilassa: vaihtoehdoilla pelaava jää jumiin.

## reply

reply-empty = Vastaus on tyhjä. Kirjoita jotain ennen lähettämistä.
reply-too-long = Vastaus on liian pitkä ({ $chars } merkkiä, enintään { $max }). Lyhennä sitä.
reply-not-text = Vastauksessa on merkkejä, jotka eivät ole tekstiä.

## ron

ron-file-nests-deeper-than = tiedostossa on sisäkkäisiä sulkuja yli { $MAX_NESTING } tasoa
ron-scenario-files-flat-lists = skenaario on tasainen luettelo solmuja; etsi ylimääräisiä tai sulkematta jääneitä sulkuja
ron-did-you-mean = tarkoititko `{ $n }`?
ron-codes = koodit ovat { $codes }
ron-unknown-mi-code = MI-koodia `{ $found }` ei ole olemassa
ron-file-ends-too-early = tiedosto loppuu kesken (onko se katkennut?)
ron-check-every-closed = tarkista, että jokainen `(`, `[` ja `"` on myös suljettu
ron-check-closes-too-early = tarkista, ettei jokin `)` tai `]` sulje liian aikaisin
ron-in-type = {" "}(tyypissä `{ $o }`)
ron-in-struct = {" "}(rakenteessa `{ $o }`)
ron-from-struct = {" "}(rakenteesta `{ $o }`)
ron-type-string = merkkijono lainausmerkeissä ("…")
ron-type-bool = totuusarvo `true` tai `false`
ron-type-list = lista `[…]`
ron-type-map = hakemisto `{"{"}…{"}"}`
ron-type-char = yksi merkki
ron-type-option = `Some(…)` tai `None`
ron-type-unit = `()`
ron-type-number = luku
ron-type-uint = ei-negatiivinen kokonaisluku
ron-type-int = kokonaisluku
ron-type-struct = rakenne `{ $name }(…)`
ron-type-enum = jokin tyypin `{ $name }` vaihtoehdoista
ron-type-tuple = { $n } alkion monikko `(…)`
ron-found-string = merkkijono { $v }
ron-found-bool = totuusarvo { $v }
ron-found-int = kokonaisluku { $v }
ron-found-float = desimaaliluku { $v }
ron-found-char = merkki { $v }
ron-found-option = valinnainen arvo
ron-found-variant = vaihtoehdon nimi
ron-unknown-variant = tuntematon vaihtoehto `{ $found }`{ $at }
ron-unknown-variant-allowed = tuntematon vaihtoehto `{ $found }`{ $at }; sallitut ovat { $allowed }
ron-unknown-field = tuntematon kenttä `{ $found }`{ $at }; sallitut kentät ovat { $allowed }
ron-missing-field = pakollinen kenttä `{ $field }` puuttuu{ $at }
ron-duplicate-field = kenttä `{ $field }` on annettu kahdesti{ $at }
ron-wrong-type = tässä pitäisi olla { $expected }, ei { $found }
ron-wrong-length = tässä pitäisi olla { $expected }, mutta alkioita on { $found }
ron-wrong-struct-name = tässä pitäisi olla `{ $expected }`, ei `{ $found }`
ron-expected-open-paren = tässä pitäisi olla avaava sulku `(`
ron-expected-named-paren = tässä pitäisi olla `{ $name }(` tai `(`
ron-expected-close-paren = tässä pitäisi olla sulkeva sulku `)` (tai pilkku ennen seuraavaa kenttää)
ron-expected-list = tässä pitäisi alkaa lista: avaava `[` puuttuu
ron-expected-list-end = tässä pitäisi olla listan sulkeva `]` (tai pilkku ennen seuraavaa alkiota)
ron-expected-map = tässä pitäisi olla avaava `{"{"}`
ron-expected-colon = tästä puuttuu kaksoispiste `:`
ron-expected-map-end = tässä pitäisi olla sulkeva `{"}"}`
ron-expected-comma = tästä puuttuu pilkku `,`
ron-expected-string = tässä pitäisi olla merkkijono lainausmerkeissä ("…")
ron-unclosed-string = merkkijono jää auki: loppulainausmerkki `"` puuttuu
ron-expected-identifier = tässä pitäisi olla nimi (kentän tai vaihtoehdon nimi)
ron-expected-bool = tässä pitäisi olla totuusarvo `true` tai `false`
ron-expected-integer = tässä pitäisi olla kokonaisluku
ron-expected-number = tässä pitäisi olla luku
ron-expected-unit = tässä pitäisi olla `()`
ron-expected-option = tässä pitäisi olla `Some(…)` tai `None`
ron-expected-char = tässä pitäisi olla yksi merkki heittomerkeissä ('x')
ron-escape-unknown = merkkijonossa on tuntematon kenoviivamerkintä: kenoviivan jälkeen voi olla `"`, `\`, `n`, `t` tai `u{"{"}…{"}"}` (kenoviiva itse kirjoitetaan `\\`)
ron-escape-hex = merkkijonon merkkikoodissa on muu kuin heksadesimaalinumero
ron-escape-unicode = merkkijonon Unicode-merkintä on virheellinen: kirjoita se muodossa `\u{"{"}00e4{"}"}`
ron-escape-other = merkkijonossa on virheellinen kenoviivamerkintä ({ $detail })
ron-integer-out-of-bounds = luku on liian suuri tai pieni tähän kenttään
ron-integer-digit = merkki { $digit } ei kelpaa kokonaislukuun
ron-number-underscore-start = luku ei voi alkaa alaviivalla
ron-float-underscore = desimaaliluvussa ei voi olla alaviivaa
ron-unexpected-char = odottamaton merkki { $c }
ron-trailing-characters = skenaarion jälkeen tiedostossa on vielä tekstiä
ron-invalid-identifier = `{ $id }` ei kelpaa nimeksi: kentän tai vaihtoehdon nimi alkaa kirjaimella
ron-expected-struct-name = tässä pitäisi olla nimi `{ $name }` ennen sulkua `(`
ron-unclosed-comment = kommentti `/* … */` jää sulkematta
ron-not-utf8 = merkkijono ei ole kelvollista UTF-8-tekstiä
ron-invalid-value = virheellinen arvo: { $detail }
ron-other = tiedosto ei ole kelvollista RON-muotoa: { $detail }

## runtime

runtime-finished = Keskustelu on jo päättynyt.
runtime-no-such-option = Vaihtoehtoa { $n } ei ole (tässä vuorossa niitä on { $count }).
runtime-no-such-option-id = Tässä vuorossa ei näytetä vaihtoehtoa, jonka tunnus on `{ $id }` (vaihtoehtoja on { $count }).
runtime-wrong-input-choice = Tässä vuorossa valitaan vaihtoehto numerolla.
runtime-wrong-input-free-text = Tässä vuorossa kirjoitetaan oma vastaus.
runtime-wrong-input-write-then-pick = Tässä vuorossa kirjoitetaan ensin oma vastaus ja valitaan sitten lähin vaihtoehto.
runtime-no-route = Vastaukselle ei löytynyt jatkoa tässä vuorossa.
runtime-no-such-turn = Vuoroa { $n } ei ole (vastauksia on { $turns }).
runtime-mismatch = Tallennettu keskustelu ei sovi skenaarioon: { $detail }

## size

size-mb = { $mb } Mt ({ $bytes } tavua)
size-bytes = { $bytes } tavua

## skill

skill-relational = suhdetaidot (kumppanuus ja empatia)
skill-technical = muutospuheen vahvistaminen ja ylläpitävän puheen pehmentäminen
skill-pct-cr = kompleksisten heijastusten osuus (vähintään 40 %)
skill-r-q = heijastuksia vähintään yhtä paljon kuin kysymyksiä

## trend

trend-first = Ensimmäinen yrityksesi tässä harjoituksessa.
trend-better = Parempi kuin edellisellä kerralla (yritys { $n }).
trend-same = Samaa tasoa kuin edellisellä kerralla (yritys { $n }).
trend-worse = Heikompi kuin edellisellä kerralla (yritys { $n }).
trend-relational = suhdetaidot { $sign }{ $change }
trend-technical = tekniset taidot { $sign }{ $change }
trend-with-changes = { $head } { $changes }.

## typed

typed-free-text-rule-turn = vuoron `{ $id }` vapaan tekstin säännöllä { $n } ei ole `next`- eikä `clarify`-kenttää
typed-give-next-move-clarify = anna `next: "…"`, jos keskustelu jatkuu, tai `clarify: (…)`, jos asiakas vastaa ja vuoro jää auki
typed-free-text-rule-turn-2 = vuoron `{ $id }` vapaan tekstin säännöllä { $n } on sekä `clarify` että `next: "{ $next }"`
typed-clarify-line-keeps-turn = `clarify`-repliikki pitää vuoron auki; jätä `next` pois
typed-clarify-line-free-text = vuoron `{ $id }` vapaan tekstin säännön { $n } tarkentava repliikki (`clarify`)
typed-turn-accepts-typed-reply = vuoroon `{ $id }` ei voi vastata omin sanoin: kirjoittava oppija ei pääse tästä eteenpäin
typed-add-free-text-rules = lisää `free_text`-säännöt, joiden viimeinen on `(when: Otherwise, clarify: (…))`
typed-option-turn-id-use = vuoron `{ $id }` vaihtoehdon { $n } tunnus `{ $oid }` ei kelpaa: käytä kirjaimia, numeroita, `-` tai `_`
typed-option-id-used-twice = vaihtoehdon tunnus `{ $oid }` on vuorossa `{ $id }` kahdesti
typed-option-turn-marked-but = vuoron `{ $id }` vaihtoehdolla { $n } on merkintä `{ $name }`, mutta mikään vuoron vapaan tekstin sääntö ei tunnista sitä
typed-add-when-ethics-next = lisää `(when: Ethics({ $name }), next: "…")` ennen `Otherwise`-sääntöä, niin saman virheen kirjoittava oppija kohtaa saman asiakkaan
typed-otherwise-rule-turn-sets = vuoron `{ $id }` `Otherwise`-sääntö asettaa lipun `{ $flags }`, vaikka vastauksesta ei tiedetä mitään
typed-fallback-should-move-conversation = varasääntö ei saa viedä keskustelua ikään kuin oppija olisi sanonut jotain; käytä `clarify: (…)` tai aseta liput vain säännöissä, jotka tunnistavat vastauksen
typed-otherwise-rule-turn-reaches = vuoron `{ $id }` `Otherwise`-sääntö { $rn } vie hyvään lopetukseen { $d } vastauksella, nopeammin kuin yksikään MI:n mukainen vastaus
typed-unrecognised-reply-must-shortcut = tunnistamaton vastaus ei saa olla oikotie hyvään lopetukseen; pidä vuoro auki `clarify`-repliikillä tai ohjaa se sinne, minne neutraali vastaus vie
typed-free-text-rule-turn-3 = vuoron `{ $id }` vapaan tekstin sääntö { $rn } tunnistaa hyvän korjausliikkeen, mutta vie solmuun `{ $next }`, josta pääsee vain huonoihin lopetuksiin
typed-reflection-asking-client-s = heijastuksen, asiakkaan näkemyksen kysymisen tai anteeksipyynnön pitää avata keskustelulle tie takaisin

## val

val-no-lang-text-here = tästä puuttuu `{ $lang }`-teksti
val-add-lang-text = lisää tähän `{ $lang }: "…"`, käännös `{ $shown }`-tekstistä ”{ $text }”; siihen asti oppija näkee sen
val-scenario-nodes = skenaariossa ei ole yhtään solmua
val-node-id-must-letters = solmun tunnuksessa `{ $id }` saa olla vain kirjaimia, numeroita, `-` ja `_`, ja sen pitää alkaa kirjaimella tai numerolla
val-node-id-used-twice = solmun tunnus `{ $id }` on käytössä kahdesti
val-first-used-line = ensimmäisen kerran rivillä { $line }
val-start-node-exist = aloitussolmua `{ $start }` ei ole olemassa
val-max-turns-given-without = `max_turns` on annettu ilman `on_limit`-kenttää
val-add-limit-ending-id = lisää `on_limit: "<lopetuksen tunnus>"`: lopetus, johon keskustelu siirtyy rajan tullessa vastaan
val-limit-given-without-max = `on_limit` on annettu ilman `max_turns`-kenttää
val-limit-goes-node-exist = `on_limit` vie solmuun `{ $end }`, jota ei ole olemassa
val-limit-names-turn-must = `on_limit` osoittaa vuoroon `{ $end }`; sen pitää osoittaa lopetukseen
val-max-turns-must-more = `max_turns` pitää olla vähintään 1
val-max-turns-less-than = `max_turns: { $max }` on vähemmän kuin lyhimmän hyvään lopetukseen vievän reitin { $need } vastausta
val-every-conversation-would-end = jokainen keskustelu päättyisi rajaan; kasvata `max_turns`-arvoa
val-scenario-id-must-lowercase = skenaarion tunnuksessa `{ $id }` saa olla vain pieniä kirjaimia, numeroita, `-` ja `_`
val-version-must-more = `version` pitää olla vähintään 1
val-difficulty-out-range-willing = vaikeustaso { $d } ei kelpaa: 1 halukas, 2 kahden vaiheilla, 3 vastahakoinen tai kriisissä
val-start-state-importance-confidence = start_state: importance, confidence ja discord ovat välillä 0–10, momentum välillä −5…5
val-persona-age-plausible = persoonan ikä { $age } ei ole uskottava
val-title = otsikko (`title`)
val-summary = tiivistelmä (`summary`)
val-goal = tavoite (`goal`)
val-persona-s-situation = persoonan tilanne (`situation`)
val-persona-s-service = persoonan palvelu (`service`)
val-persona-s-name-empty = persoonan nimi (`name`) on tyhjä
val-learning-outcome = oppimistavoite { $n }
val-cannot-flag-name = `{ $f }` ei käy lipun nimeksi
val-flag-declared-twice = lippu `{ $f }` on esitelty kahdesti
val-condition-uses-variable-declared = ehdossa on `{ $f }`, joka ei ole muuttuja eikä esitelty lippu
val-declare-flags-scenario-s = esittele liput skenaarion `flags: [...]`-listassa
val-condition-refers-node-exist = ehto viittaa solmuun `{ $n }`, jota ei ole olemassa
val-set-names-flag-declared = `set` asettaa lipun `{ $f }`, jota ei ole esitelty
val-next-goes-node-exist = `next` vie solmuun `{ $next }`, jota ei ole olemassa
val-effect-out-range-effects = vaikutus `{ $field }: { $shown }` on sallitun alueen ulkopuolella; vaikutus on luku väliltä -{ $MAX_EFFECT }…{ $MAX_EFFECT }
val-node-client-lines = solmussa `{ $id }` ei ole asiakkaan repliikkejä
val-every-line-node-condition = solmun `{ $id }` jokaisella repliikillä on ehto; jos mikään ei täyty, asiakas sanoo ensimmäisen
val-line-node = solmun `{ $id }` repliikki { $n }
val-line-node-weight-counts = solmun `{ $id }` repliikin { $n } paino on 0; se lasketaan ykköseksi
val-meaning-listed-twice-line = merkitys `{ $m }` on samassa repliikissä kahdesti
val-meaning-cue-words = merkityksellä `{ $m }` ei ole vihjesanoja
val-debrief-ending = lopetuksen `{ $id }` purku (`debrief`)
val-turn-options-free-text = vuorossa `{ $id }` ei ole vaihtoehtoja eikä vapaan tekstin sääntöjä: keskustelu pysähtyy tähän
val-add-options-free-text = lisää `options`-vaihtoehtoja tai `free_text`-sääntöjä, tai tee solmusta `Ending`
val-turn-asks-learner-pick = vuorossa `{ $id }` oppija valitsee vaihtoehdon, mutta vaihtoehtoja ei ole
val-turn-takes-typed-replies = vuoroon `{ $id }` vastataan kirjoittamalla, mutta sillä ei ole `free_text`-sääntöjä
val-option-turn = vuoron `{ $id }` vaihtoehto { $n }
val-feedback-option-turn = vuoron `{ $id }` vaihtoehdon { $n } palaute
val-option-turn-mi-codes = vuoron `{ $id }` vaihtoehdolla { $n } ei ole MI-koodeja
val-give-least-code-e = anna vähintään yksi koodi, esim. `codes: [CR]` (`NONE`, jos koodia ei ole)
val-ethics-explanation-option-turn = vuoron `{ $id }` vaihtoehdon { $n } eettinen selitys (`explain`)
val-ethics-explanation-free-text = vuoron `{ $id }` vapaan tekstin säännön { $n } eettinen selitys (`explain`)
val-feedback-free-text-rule = vuoron `{ $id }` vapaan tekstin säännön { $n } palaute
val-rule-turn-needs-meaning = vuoron `{ $id }` sääntö { $n } vaatii merkityksen `{ $m }`, jota ei ole yhdelläkään vuoron repliikillä
val-free-text-rule-turn = vuoron `{ $id }` vapaan tekstin sääntö { $n } on `Otherwise`-säännön ({ $o }) jälkeen, joten se ei koskaan täsmää
val-free-text-rules-turn = vuoron `{ $id }` vapaan tekstin säännöistä puuttuu `Otherwise`-sääntö ilman `if`-ehtoa
val-free-text-rules-turn-2 = vuoron `{ $id }` vapaan tekstin säännöistä puuttuu `Otherwise`-sääntö
val-end-rules-when-otherwise = päätä säännöt sääntöön `(when: Otherwise, next: "…")`, niin jokainen kirjoitettu vastaus vie jonnekin
val-give-option-when-make = jätä yhdeltä vaihtoehdolta `when` pois (tai kata ehdoilla kaikki tapaukset), tai tee vuorosta `FreeText`
val-option-turn-can-ever = vuoron `{ $id }` yhtäkään vaihtoehtoa ei voi koskaan näyttää: jokainen `when` on aina epätosi
val-every-option-turn-when = vuoron `{ $id }` jokaisella vaihtoehdolla on `when`, ja ne voivat kaikki olla yhtä aikaa epätosia
val-e-g-when-learner = esim. kun { $state }: oppijalla ei olisi mitään valittavaa
val-every-option-turn-when-2 = vuoron `{ $id }` jokaisella vaihtoehdolla on `when`; ne voivat ehkä kaikki olla yhtä aikaa epätosia
val-check-effect-override-codes = tarkista sen `effect`-ohitus ja koodit; pisteytys on kuvattu tiedostossa docs/scoring.md
val-node-cannot-reached-from = solmuun `{ $id }` ei pääse alusta
val-option-free-text-rule = mikään vaihtoehto tai vapaan tekstin sääntö ei vie tänne
val-ending-can-reached-from = solmusta `{ $id }` ei pääse mihinkään lopetukseen: keskustelu kiertää kehää loputtomiin
val-path-mi-consistent-replies = alusta ei pääse hyvään lopetukseen pelkillä MI:n mukaisilla vastauksilla
val-every-route-nextstep-referral = jokainen reitti `NextStep`- tai `Referral`-lopetukseen kulkee suostuttelevan, konfrontoivan tai epäeettisen vastauksen kautta
val-scenario-nextstep-referral-ending = skenaariossa ei ole `NextStep`- eikä `Referral`-lopetusta
val-did-you-mean = tarkoititko `{ $close }`?
val-meaning-not-at-turn = millään tämän vuoron repliikillä ei ole tätä merkitystä
val-meaning-on-other-node = merkitys `{ $m }` on solmun `{ $node }` repliikillä; sääntö voi käyttää vain oman vuoronsa repliikkien (ja `clarify`-repliikkiensä) merkityksiä
val-turn-meanings = tämän vuoron merkitykset: { $list }
val-add-meaning-to-line = jos haluat käyttää sitä tässä, lisää `(id: "{ $m }", side: Change, fi: ["…"])` (tai `side: Sustain`) jonkin tämän vuoron repliikin `meanings`-listaan
val-because-unknown-next = koska `next: "{ $next }"` ei vie mihinkään solmuun
val-follows-from-unknown-next = tämä johtuu kohdan { $line }:{ $column } viittauksesta `next: "{ $next }"`, jota vastaavaa solmua ei ole (tarkoititko `{ $close }`?); korjaa se ensin
val-perhaps-because-unknown-next = ehkä koska `next: "{ $next }"` ei vie mihinkään solmuun
val-may-follow-from-unknown-next = tämä voi johtua kohdan { $line }:{ $column } viittauksesta `next: "{ $next }"`, jota vastaavaa solmua ei ole; korjaa se ensin
val-module-not-in-course = `module: "{ $module }"` ei ole kurssin `{ $course }` moduuli
val-module-not-in-course-label = kurssilla ei ole tällaista moduulia
val-course-modules = kurssin moduulit: { $list }
val-module-counts-nowhere = ellei jokin kurssin moduuli luettele tätä skenaariota, sen läpäisy ei kerrytä mitään osaamistavoitetta
val-condition-error = ehto: { $error }
val-inconsistent-outscores = vuoron `{ $id }` vaihtoehto { $n } on MI:n vastainen, mutta saa { $score } pistettä, enemmän kuin vaihtoehto { $m } ({ $good })

## why

why-not-ethics = Digituen etiikka: { $list } (vastaus { $turns }). Yksikin tällainen vastaus estää läpäisyn.
why-not-unfinished = Keskustelu jäi kesken: vie se loppuun asti.
why-not-ending = Keskustelu ei päättynyt hyvin ({ $outcome }). Tavoitteena on, että asiakas nimeää oman seuraavan askeleensa tai ohjautuu sopivaan palveluun.
why-not-ending-limit = Keskustelu ei päättynyt hyvin ({ $outcome }). Tavoitteena on, että asiakas nimeää oman seuraavan askeleensa tai ohjautuu sopivaan palveluun. Keskustelu kiersi kehää, kunnes aika loppui.
why-not-level = MI-taidot jäivät alle tyydyttävän tason. Vahvistettavaa: { $list }.

## The client model (validate/client.rs, cond.rs)
client-trust-range = `trust: { $trust }` ei kelpaa: luottamus on 0–10
client-min-consistent-zero = `min_consistent` pitää olla vähintään 1
client-reason-not-meaning = muutospuheen vastainen syy `{ $r }` ei ole minkään asiakkaan repliikin `Sustain`-merkityksen tunnus
client-reason-not-meaning-note = syy on merkitys, jonka asiakas sanoo: `meanings: [(id: "{ $r }", side: Sustain, …)]`
client-cond-unknown-name = `{ $x }` ei ole muuttuja, esitelty lippu eikä solmu
client-cond-unknown-reason = `{ $r }` ei ole esitelty syy
client-cond-problem = `client_model`-kentän ehto `{ $field }`: { $problem }
client-hears-unknown = `hears` nimeää syyn `{ $h }`, jota ei ole `client_model.reasons`-listassa
client-hears-not-reflection = vaihtoehdon, joka kuulee (`hears`) syyn, pitää olla heijastus (`SR` tai `CR`)
client-cond-reason-undeclared = ehdossa on syy `{ $r }`, jota ei ole `client_model.reasons`-listassa
client-reason-never-returns = syy `{ $r }` ei palaa koskaan: yhdenkään asiakkaan repliikin `when`-ehdossa ei ole `unheard({ $r })`
client-reason-never-returns-note = kirjoita myöhempi repliikki, joka palaa siihen ("kyllä, mutta…"), ehdolla `when: "unheard({ $r })"`
client-too-few-consistent = hyvään loppuun pääsee jo { $n } MI:n mukaisella vastauksella; tässä skenaariossa niitä pitää olla vähintään { $min } (`min_consistent`, oletuksena `difficulty: { $d }` mukaan)
client-too-few-path = polku: { $steps }
client-too-few-note = anna asiakkaan vastustaa pidempään: ehdollista askel `stage`- tai `trust`-ehdolla tai palauta syy puheeseen
cond-unknown-stage = vaihetta `{ $name }` ei ole; vaiheet ovat precontemplation, contemplation, preparation ja action
paths-good-ending-too-soon = Hyvään loppuun `{ $id }` pääsee jo { $n } MI:n mukaisella vastauksella (vähintään { $min }): asiakas antaa periksi liian helposti.
cond-arg-reason-id = muutospuheen vastaisen syyn tunnus
