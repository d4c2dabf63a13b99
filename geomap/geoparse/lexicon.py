"""Hand-written word lists the recogniser and the kind classifier decide with.

They are general English (and transliterated Arabic) vocabulary, written for this project; none is
derived from an evaluation corpus. Everything is lower case; lookups casefold first.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that are also the names of tiny places somewhere (GeoNames has an "Of" in Turkey, an
# "Along" in the Philippines, a "Police" in Poland ...). Capitalised, they are still these words at
# the start of a sentence or in a title-case headline, so a single-token match on one of them needs
# a strong place behind it (a country, an admin1 region or a large city) to count.
COMMON_WORDS = _words("""
control prevention disease health medicine research agriculture energy defense defence
a about above across after again against ago ahead aid air all almost alone along already also
although always am among an and another any anyone anything are area around as at away back bad
bank base be beach because been before behind being below best better between beyond big black
blue board body both boy bridge bring brown but by call came camp can capital car care case
cause center central centre chance change chief child children church city clear close coast
cold come commander common community could council country county court cross cut daily dark
data day dead deal death deep did do does done door down during each early east easter eastern
economy either else end energy enough even evening ever every eye face fact fair fall family far
farm fast father few field fire first five flat follow food for force forest fort four free
friday from front full game garden gate general get give glass go gold good government great
green ground group grove guard gun half hall hand happy hard harbor harbour has have he head
health hear heart heavy help her here high highway hill him his historic history hold home hope
hospital hot hotel house how however if in inside into iron is island it its join joy just
justice keep kind king lake land large last late later law lead left less let liberty life light
like line little live long look lord lot love low main major make man many march market may me
middle might mile military mill mine minister mission monday more morning most mother mount
mountain much must my name nation national natural near never new news next nice night nine no
none noon normal north northern not nothing now number oak of off office oil old on once one
only open or order other our out outside over own page palm paradise park part party pass peace
people place plain plains plant play please point police pool poor port post power president
press price prince public put queen quiet rain ranch read ready real red report rest rich right
ring river road rock room rose round royal rule run safe said saint saturday say school sea
second secretary see security senate service set seven she ship shore short should side silver
since six small snow so some someone something soon south southern spring square star start
state station still stone story street strong such summer sun sunday sunny support sure table
take ten than that the their them then there these they thing this those three through thursday
time to today together too top tower town trade trail tree tuesday two under union unity until
up upon us use valley very victory view village wait walk wall want war was water way we
wednesday week well were west western what when where which while white who whom why wide will
win wind winter with within without wood word work world year yes yet you young your eagle
commerce northeast northwest southeast southwest centre federal supreme human superior leader
principal labor labour culture zone grand loop dome reserve portal stock section alliance agency
wing reach purchase discovery mercury emerald centennial rainbow moon sky arcade hurricane storm
bravo farms farm marshal ranger rangers pioneer pioneers heritage legacy summit harmony unity
freedom progress triumph venture enterprise atlas phoenix apollo genesis horizon crown diamond
crystal pearl ruby jade amber ivory coral olive ash elm maple pine cedar willow birch hazel
laurel ivy holly daisy lily iris violet magnolia jasmine canyon ridge creek brook glen dale
meadow meadows prairie highlands lowlands woods springs falls rapids harbor landing junction
crossing bend fork point heights gardens acres estates manor village villas commons center plaza
mall market shops outlet depot terminal district sector division unit block corner circle court
terrace place row walk way path trail drive lane avenue boulevard parkway turnpike expressway
bypass route highway freeway causeway pier wharf dock marina island continental atlantic pacific
mediterranean arctic tropical alpine coastal northern southern oriental occidental metropolitan
urban rural suburban municipal regional provincial federal titan pack metro premier elite
classic modern standard global international universal
""")

# Lower-case words after a single place name that make it a person's name ("the Obama
# administration", "the Assad regime").
PERSON_FOLLOWERS = _words("administration regime family presidency era campaign dynasty")

# Capitalised words that GeoNames knows as some hamlet's name but that in news are almost always
# something else: religion, holidays, parties, brands.
NOT_PLACES = _words("""
god jesus christ allah christmas easter ramadan eid thanksgiving halloween democrat democrats
molotov kalashnikov
republican republicans democratic junior senior sr jr parent internet web toyota honda ford
dodge chevrolet chevy nissan subaru mazda jeep google apple amazon microsoft facebook twitter
boeing airbus lions tigers bears eagles rams jets giants saints act bill code hamas hezbollah
hizbollah nato taliban duma knesset fatah isis isil al qaeda
""")

# Surnames: standing alone they are a person already introduced, unless a locative preposition
# ("in Jackson") or a country-level place says otherwise.
SURNAMES = _words("""
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez
gonzalez wilson anderson thomas taylor moore martin lee perez thompson white harris sanchez
clark ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores
green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans
turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson
watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders
patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler
henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton
graham reynolds griffin wallace moreno west cole hayes bryant herrera gibson ellis tran medina
aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington
kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter
hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black
robertson boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson
nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce
hansen peters santos hart bradley knight elliott cunningham duncan armstrong hudson carroll lane
riley andrews ray berry perkins hoffman johnston matthews pena richards willis carpenter
lawrence sandoval wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo
gao abbas bush obama trump putin assad erdogan netanyahu clinton
""")

# Multi-word names of organisations that GeoNames also knows as places.
# ("the White House said": the presidency, which annotators and readers do not take for a place).
NOT_PLACE_PHRASES = frozenset({"red cross", "red crescent", "white house"})

# Capitalised compass words that belong to the region name they precede ("West Africa").
DIRECTIONS = _words("north south east west northern southern eastern western central northeast "
                    "northwest southeast southwest north-western north-eastern south-western "
                    "south-eastern upper lower greater")

# Pathogens named before a place-named strain ("Salmonella Newport", "Ebola Reston").
PATHOGENS = _words("salmonella ebola marburg influenza hantavirus strain serotype")

# Words after a place name that make it the name of a disease ("Marburg virus", "Zika fever").
DISEASE_WORDS = _words("virus viruses fever disease flu influenza strain syndrome outbreak "
                       "haemorrhagic hemorrhagic encephalitis")

# Prepositions and particles that may sit inside a multi-word name in lower case ("Rio de Janeiro",
# "Deir ez-Zor", "Stratford upon Avon"), and feature words that may end one ("Al-Qarn mountain").
# "e": the Persian ezafe ("Kut-e Abdollah", "Masjed e Soleyman") and Portuguese "and"; Spanish
# "a", "los", "las" ("Gracias a Dios", "Villa de los Santos").
NAME_PARTICLES = _words("of de la le du des del di da do dos das los las a e y upon on sur am an "
                        "im al el ez ad as ash at az ar en es kwa bin ibn abu and the")
# Words for a local unit that only one country uses: "Jos North LGA (Plateau)" is in Nigeria, so
# Plateau is Nigeria's state, not Benin's department.
COUNTRY_UNIT_WORDS = {"lga": "NG", "lgas": "NG", "barangay": "PH", "upazila": "BD",
                      "woreda": "ET", "kebele": "ET", "panchayat": "IN"}
FEATURE_WORDS = _words("""
mountain mountains river lake island islands valley governorate province district county parish
region neighbourhood neighborhood camp airport base village town city desert sea gulf bay strait
peninsula plain plains oasis crossing port harbour harbor dam
""")
# Lower-case feature words that are part of a name ("Al-Qarn mountain"); the others only
# announce one ("Idlib province", "London city council").
NAME_FINAL_FEATURE_WORDS = _words("mountain mountains river lake island islands valley desert sea "
                                  "gulf bay strait peninsula plain plains oasis dam")
# A name's last word that, before another capitalised word, "of" or "'s", makes it an
# organisation: "Ohio State University", "Indiana Department of Transportation".
ORGANISATION_SUFFIXES = _words("department state")

# Nationality words of continents and regions, and the region they point to.
REGION_DEMONYMS = {
    "european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
    "asian": "Asia", "asians": "Asia", "arab": "Middle East",
}

MONTHS = _words("january february march april may june july august september october november "
                "december jan feb mar apr jun jul aug sep sept oct nov dec")
DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
#: Languages a text is written or spoken in ("in English", "translated into Arabic"): several
#: are also town names (English, Indiana).
LANGUAGES = _words("english arabic french spanish kurdish persian farsi pashto dari urdu hindi "
                   "russian ukrainian hebrew turkish chinese mandarin cantonese german swahili "
                   "somali amharic tigrinya portuguese italian japanese korean hausa yoruba igbo "
                   "bengali tamil punjabi sindhi balochi armenian georgian azeri burmese thai "
                   "latin greek dutch polish serbian croatian bosnian albanian romanian")
AGENCIES = _words("reuters ap afp xinhua tass itar ria sana irna upi dpa efe ansa anadolu "
                  "bloomberg associated press aljazeera bbc cnn")

# Titles and honorifics: a capitalised name right after one is a person, not a place.
TITLES = _words("""
councillor photographer actor actress singer writer author reporter journalist correspondent
analyst official activist lawyer coach player striker goalkeeper midfielder defender
mr mrs ms miss dr sir dame lord lady gen general lt col colonel maj major capt captain sgt
sergeant cpl pvt adm admiral cmdr commander sen senator rep representative gov governor
president vice secretary minister premier chancellor ambassador envoy spokesman spokeswoman
spokesperson mayor judge justice sheriff deputy officer detective chief prof professor rev
reverend father pope king queen prince princess emperor sheikh shaykh imam ayatollah mullah emir
amir sultan pastor bishop archbishop cardinal coach agent attorney councilman councilwoman
councilor trooper chairman chairwoman director manager superintendent commissioner lawmaker
""")

# Common given names (English and transliterated Arabic/Persian/Turkish/Russian). A capitalised word
# from this list right before a place name makes the pair a person's name ("John Kerry").
GIVEN_NAMES = _words("""
aaron abdul abdullah abdel abdelaziz abdulrahman abdalrhman abu adam adrian ahmad ahmed aisha
alan albert alex alexander alexei ali alice alison allen amanda amber amy andrea andrew andrei
andy angela ann anna anne anthony antonio arthur ashley ashraf assad ayman barack barbara bashar
ben benjamin betty bill billy bob bobby brad bradley brandon brenda brian bruce bryan carl
carlos carol caroline catherine charles charlie cheryl chris christian christine christopher
cindy claire craig cynthia dale dan daniel danny david dawn dean debbie deborah dennis derek
diana diane dmitry dominic don donald donna doris dorothy doug douglas dylan earl ed eddie
edward elizabeth ellen emily emma eric erin ethan eugene evan farid fatima frank fred gary
george gerald gina glenn gloria grace greg gregory hamid hannah harold harry hassan heather
helen henry hillary howard hussein ibrahim igor isaac ivan jack jacob james jamie jane janet
jason jean jeff jeffrey jennifer jeremy jerry jessica jill jim jimmy joan joe joel john johnny
jon jonathan jose joseph josh joshua joyce juan judith judy julia julie justin karen kate
katherine kathleen kathy keith kelly ken kenneth kevin khaled khalid kim kimberly kyle larry
laura laurent lauren lawrence lee leonard linda lisa lori louis lucas luis mahmoud marc margaret
maria marie mark martha martin mary matt matthew maxim megan melissa michael michelle mike
mikhail mohamed mohammad mohammed muhammad mustafa nancy natalie nathan nicholas nick nicole
noah olga omar oscar pamela patricia patrick paul peter phil philip rachel ralph randy raymond
rebecca richard rick robert roger ronald rose roy russell ruth ryan saad saeed salman sam
samantha samuel sandra sara sarah scott sean sergei sergey sharon shawn sophie stephanie stephen
steve steven susan tamara teresa terry thomas tim timothy todd tom tony tracy travis tyler
valerie vanessa victor victoria vincent vladimir walter wayne william willie yasser youssef
yusuf zachary abraham moses isaac jacob david solomon ray earl billy harold edgar brent donna
helen june bruce carl lloyd floyd leroy marvin melvin clyde wesley dwight luther homer chester
milton vernon warren franklin jefferson madison tyler taylor morgan logan mason hunter chelsea
sydney savannah florence cameron clinton douglas grant sherman preston stanley beverly shirley
marion regina denise tina christina pat manuel ricardo bernard claude jenny
""")

# Words after a single place name that make it the subject of a statement or act: a person when the
# place is small ("Anderson urged"), a metonym when it is a country or capital ("Moscow said").
SPEECH_VERBS = _words("""
said says say told tells added noted argued urged warned stated announced accused denied claimed
insisted demanded threatened vowed pledged agreed rejected condemned responded replied asked
wants wanted called decided suspended refused signed welcomed criticized criticised blamed
admitted confirmed believes believed thinks thought explained wrote reported declared expressed
praised sought promised hopes hoped plans planned
""")
ADVERBS_BEFORE_VERB = _words("also again later then has had have previously earlier recently "
                             "quickly has once still would will could may might")

# A capitalised word after a place name that turns the whole into an organisation or a title:
# the place is then `embedded` (Washington Post, US Navy, Avoyelles Parish Sheriff's Office).
ORGANISATION_HEADS = _words("""
attorney attorneys prosecutor clerk
post times journal herald tribune news gazette chronicle telegraph observer guardian globe
review magazine press daily weekly star sun record courier register bulletin dispatch examiner
inquirer standard mirror express today navy army marines marine corps guard police sheriff fire
department dept university college school academy institute hospital clinic bank company co corp
corporation inc ltd group holdings council assembly legislature parliament senate congress
ministry government administration church cathedral mosque diocese archdiocese club fc united
athletic athletics airlines airways railroad railway railways symphony orchestra museum
foundation association society federation league party commission committee board agency service
services authority court patrol office bureau centre center team giants chamber union network
fund trust conference summit accord agreement treaty declaration protocol airport station
stadium arena bridge highway freeway road street avenue boulevard
""")
# ... and before it: "University of X", "Bank of X" make X embedded.
ORGANISATION_OF = _words("university college bank state republic kingdom government ministry "
                         "museum institute academy battle siege treaty church archdiocese diocese "
                         "port embassy consulate parliament assembly") - {
                             "state", "republic", "kingdom", "port"}

# Contexts that make a country or capital stand for its government (metonymy).
METONYM_BEFORE = _words("ties with relations talks negotiations pressure sanctions accord deal "
                        "agreement between")
METONYM_POSSESSED = _words("role decision government leaders leader president officials "
                           "military army forces support position policy stance response "
                           "intervention involvement foreign ambassador envoy allies ally "
                           "demands refusal backing campaign")

# AP-style and postal abbreviations of US states: "Springfield, Ill." pins Springfield to Illinois.
US_STATE_ABBREVIATIONS = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
    "ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
    "mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ",
    "n.m": "NM", "n.y": "NY", "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "pa": "PA",
    "r.i": "RI", "s.c": "SC", "s.d": "SD", "tenn": "TN", "tex": "TX", "va": "VA", "vt": "VT",
    "wash": "WA", "w.va": "WV", "wis": "WI", "wyo": "WY", "d.c": "DC",
}
US_STATE_CODES = frozenset("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN
MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split())

# All-capital tokens of three letters or fewer are acronyms far more often than places; these are
# the ones that do name a country or region.
PLACE_ACRONYMS = _words("us usa u.s u.s.a uk u.k uae drc prc roc dprk ussr eu")

# Pattern words that announce a place the gazetteer may lack ("the village of X", "X district").
PLACE_CLASS_WORDS = _words("village town city district province governorate region neighbourhood "
                           "neighborhood suburb camp county parish township municipality area")

# Armed groups, movements and forces whose names GeoNames also knows as some village ("Taliban",
# "Boko", "Haram") or that contain a place ("Hayat Tahrir al-Sham"). They are actors, never literal
# places. Hyphens and spaces are interchangeable when matching.
ARMED_GROUPS = tuple("""
taliban|talibans|tehrik-i-taliban|haqqani network|hamas|hezbollah|hizbollah|hizballah|hizbullah|
kataib hezbollah|kata'ib hezbollah|al-shabaab|al-shabab|shabaab|houthi|houthis|huthi|huthis|
ansar allah|ansarullah|isis|isil|isis-k|iskp|daesh|daish|islamic state|wagner|wagner group|
islamic state of iraq|islamic state of iraq and al-sham|islamic state of iraq and sham|
islamic state of iraq and the levant|islamic state of iraq and syria|
islamic state in iraq and al-sham|islamic state in iraq and sham|
islamic state in iraq and the levant|islamic state in iraq and syria|
syrian democratic forces|sdf|pkk|ypg|ypj|boko haram|iswap|jnim|al-qaeda|al-qaida|al-qa'ida|
aqap|aqim|al-nusra|nusra front|jabhat al-nusra|jabhat fateh al-sham|hayat tahrir al-sham|
tahrir al-sham|hts|ahrar al-sham|jaish al-islam|jaish al-fatah|jaysh al-islam|free syrian army|
ansar al-sharia|ansar dine|ansar al-islam|janjaweed|rapid support forces|farc|eln|shining path|
sendero luminoso|lashkar-e-taiba|lashkar-e-toiba|jaish-e-mohammed|jaish-e-muhammad|
islamic jihad|al-aqsa martyrs brigades|popular mobilization forces|popular mobilisation forces|
hashd al-shaabi|al-hashd al-shaabi|peshmerga|mujahideen|mujahedeen|fatah al-islam|m23|fdlr|
al-mourabitoun|ansaru|abu sayyaf|jemaah islamiyah|lord's resistance army|polisario
""".replace("\n", "").split("|"))

# Faiths and sects name communities, not places ("the Sunni Arab town of Baiji").
FAITHS = _words("shiite shia shiia sunni alawite alawi christian muslim islamist jihadist druze "
                "yazidi yezidi jewish catholic orthodox protestant hindu sikh buddhist coptic "
                "maronite ismaili salafist")

# Nouns a country's name modifies when used as an adjective ("U.S. officials", "Russian" in all
# but form): the country is then a nationality, not the place where something happened.
MODIFIED_NOUNS = frozenset("""
official officials troops troop forces force soldiers soldier military army navy marines
servicemen personnel commanders commander generals general warplanes warplane jets jet aircraft
planes drones drone helicopters helicopter warships warship ships submarines missiles missile
strikes strike airstrikes airstrike bombers special intelligence diplomats diplomat diplomacy
envoy envoys ambassador embassy consulate government administration authorities lawmakers
senators congressmen legislators leaders leader president prime minister ministers negotiators
delegation spokesman spokeswoman spokesperson sanctions policy aid citizens citizen nationals
national residents contractors advisers advisors adviser advisor allies ally officers agents
agencies agency media press prosecutors investigators police counterpart counterparts
counterterrorism defense defence security state-run state-owned economy dollar dollars market
markets stocks firms companies company businesses industry election elections voters
""".split())
# Participles after a hyphen that make a country's name a modifier: "U.S.-led", "Iran-backed".
MODIFIER_PARTICIPLES = frozenset("led backed based allied funded supported brokered sponsored "
                                 "aligned trained made built owned run controlled".split())

# Unions the gazetteer has no feature for, and the feature whose point stands for them.
PLACE_ALIASES = {("eu",): "Europe", ("european", "union"): "Europe"}

# Person nouns a town's name modifies ("a Jordan girl"); a country would take its demonym.
RESIDENT_NOUNS = frozenset("man woman men women boy girl teen teenager youth resident residents "
                           "couple family native mother father driver student students "
                           "homeowner".split())

# Words that turn a place's name into a building's or an institution's ("Dane County Jail",
# "Oak Ridge Civic Center"): never the rest of a longer place name.
FACILITY_HEADS = frozenset("""
jail prison detention correctional courthouse civic medical memorial regional community
municipal museum gallery theater theatre cinema library hall hospital clinic school academy
college university seminary centre center stadium arena field park gardens zoo church chapel
cathedral mosque temple synagogue monastery convent cemetery mausoleum funeral hotel motel inn
restaurant cafe bar pub market mall plaza store shop bakery factory plant mill mine farm ranch
airport airfield station terminal harbour harbor port base barracks camp fort
""".split())
