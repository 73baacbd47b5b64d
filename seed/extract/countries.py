"""A fallback country list (ISO 3166 alpha-3 ids, names, common variants, adjectives).

The graph's places come first; this fills the gaps so that a country named in a report is found even before the
dataset holds it (the bundle then proposes it as a new Place). Format: `ISO3|name;variant;…|adjective;…`.
"""

from __future__ import annotations

_TABLE = """
AFG|Afghanistan|Afghan
ALB|Albania|Albanian
DZA|Algeria|Algerian
AGO|Angola|Angolan
ARG|Argentina|Argentine;Argentinian
ARM|Armenia|Armenian
AUS|Australia|Australian
AUT|Austria|Austrian
AZE|Azerbaijan|Azerbaijani
BHR|Bahrain|Bahraini
BGD|Bangladesh|Bangladeshi
BLR|Belarus|Belarusian
BEL|Belgium|Belgian
BEN|Benin|Beninese
BTN|Bhutan|Bhutanese
BOL|Bolivia|Bolivian
BIH|Bosnia and Herzegovina;Bosnia-Herzegovina;Bosnia|Bosnian
BWA|Botswana|Botswanan
BRA|Brazil|Brazilian
BRN|Brunei|
BGR|Bulgaria|Bulgarian
BFA|Burkina Faso;Burkina|Burkinabe;Burkinabè
BDI|Burundi|Burundian
KHM|Cambodia|Cambodian
CMR|Cameroon;Cameroun|Cameroonian
CAN|Canada|Canadian
CPV|Cape Verde;Cabo Verde|Cape Verdean
CAF|Central African Republic;CAR|Central African
TCD|Chad|Chadian
CHL|Chile|Chilean
CHN|China;People's Republic of China|Chinese
COL|Colombia|Colombian
COM|Comoros|Comorian
COG|Republic of the Congo;Congo-Brazzaville;Congo Brazzaville|
COD|Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC;Congo;Congo-Kinshasa;Zaire|Congolese
CRI|Costa Rica|Costa Rican
CIV|Côte d'Ivoire;Cote d'Ivoire;Ivory Coast|Ivorian
HRV|Croatia|Croatian
CUB|Cuba|Cuban
CYP|Cyprus|Cypriot
CZE|Czech Republic;Czechia|Czech
DNK|Denmark|Danish
DJI|Djibouti|Djiboutian
DOM|Dominican Republic|Dominican
ECU|Ecuador|Ecuadorian
EGY|Egypt|Egyptian
SLV|El Salvador|Salvadoran;Salvadorean
GNQ|Equatorial Guinea|Equatoguinean
ERI|Eritrea|Eritrean
EST|Estonia|Estonian
SWZ|Eswatini;Swaziland|Swazi
ETH|Ethiopia|Ethiopian
FJI|Fiji|Fijian
FIN|Finland|Finnish
FRA|France|French
GAB|Gabon|Gabonese
GMB|Gambia;The Gambia|Gambian
GEO|Georgia|Georgian
DEU|Germany|German
GHA|Ghana|Ghanaian
GRC|Greece|Greek
GTM|Guatemala|Guatemalan
GIN|Guinea;Guinea-Conakry|Guinean
GNB|Guinea-Bissau;Guinea Bissau|Bissau-Guinean
GUY|Guyana|Guyanese
HTI|Haiti|Haitian
HND|Honduras|Honduran
HUN|Hungary|Hungarian
ISL|Iceland|Icelandic
IND|India|Indian
IDN|Indonesia|Indonesian
IRN|Iran|Iranian
IRQ|Iraq|Iraqi
IRL|Ireland|Irish
ISR|Israel|Israeli
ITA|Italy|Italian
JAM|Jamaica|Jamaican
JPN|Japan|Japanese
JOR|Jordan|Jordanian
KAZ|Kazakhstan|Kazakh
KEN|Kenya|Kenyan
XKX|Kosovo|Kosovar;Kosovan
KWT|Kuwait|Kuwaiti
KGZ|Kyrgyzstan|Kyrgyz
LAO|Laos|Lao;Laotian
LVA|Latvia|Latvian
LBN|Lebanon|Lebanese
LSO|Lesotho|
LBR|Liberia|Liberian
LBY|Libya|Libyan
LTU|Lithuania|Lithuanian
LUX|Luxembourg|
MDG|Madagascar|Malagasy
MWI|Malawi|Malawian
MYS|Malaysia|Malaysian
MLI|Mali|Malian
MLT|Malta|Maltese
MRT|Mauritania|Mauritanian
MUS|Mauritius|Mauritian
MEX|Mexico|Mexican
MDA|Moldova|Moldovan
MNG|Mongolia|Mongolian
MNE|Montenegro|Montenegrin
MAR|Morocco|Moroccan
MOZ|Mozambique|Mozambican
MMR|Myanmar;Burma|Burmese
NAM|Namibia|Namibian
NPL|Nepal|Nepalese;Nepali
NLD|Netherlands;The Netherlands;Holland|Dutch
NZL|New Zealand|
NIC|Nicaragua|Nicaraguan
NER|Niger|Nigerien
NGA|Nigeria|Nigerian
PRK|North Korea;Democratic People's Republic of Korea|North Korean
MKD|North Macedonia;Macedonia;former Yugoslav Republic of Macedonia;FYROM|Macedonian
NOR|Norway|Norwegian
OMN|Oman|Omani
PAK|Pakistan|Pakistani
PSE|Palestine;State of Palestine|Palestinian
PAN|Panama|Panamanian
PNG|Papua New Guinea|
PRY|Paraguay|Paraguayan
PER|Peru|Peruvian
PHL|Philippines|Philippine;Filipino
POL|Poland|Polish
PRT|Portugal|Portuguese
QAT|Qatar|Qatari
ROU|Romania|Romanian
RUS|Russia;Russian Federation|Russian
RWA|Rwanda|Rwandan
SAU|Saudi Arabia|Saudi
SEN|Senegal|Senegalese
SRB|Serbia|Serbian
SLE|Sierra Leone|Sierra Leonean
SGP|Singapore|Singaporean
SVK|Slovakia|Slovak
SVN|Slovenia|Slovenian
SOM|Somalia|Somali
ZAF|South Africa|South African
KOR|South Korea;Republic of Korea|South Korean
SSD|South Sudan|South Sudanese
ESP|Spain|Spanish
LKA|Sri Lanka|Sri Lankan
SDN|Sudan|Sudanese
SWE|Sweden|Swedish
CHE|Switzerland|Swiss
SYR|Syria;Syrian Arab Republic|Syrian
TJK|Tajikistan|Tajik
TZA|Tanzania;United Republic of Tanzania|Tanzanian
THA|Thailand|Thai
TLS|Timor-Leste;East Timor;Timor Leste|Timorese
TGO|Togo|Togolese
TTO|Trinidad and Tobago|
TUN|Tunisia|Tunisian
TUR|Turkey;Türkiye|Turkish
TKM|Turkmenistan|Turkmen
UGA|Uganda|Ugandan
UKR|Ukraine|Ukrainian
ARE|United Arab Emirates;UAE|Emirati
GBR|United Kingdom;UK;Great Britain;Britain|British
USA|United States;United States of America;USA;U.S.|American
URY|Uruguay|Uruguayan
UZB|Uzbekistan|Uzbek
VEN|Venezuela|Venezuelan
VNM|Viet Nam;Vietnam|Vietnamese
ESH|Western Sahara|Sahrawi
YEM|Yemen|Yemeni
ZMB|Zambia|Zambian
ZWE|Zimbabwe|Zimbabwean
SUN|Soviet Union;USSR|Soviet
YUG|Yugoslavia|Yugoslav
TON|Tonga|Tongan
BLZ|Belize|Belizean
SLB|Solomon Islands|Solomon Islander
"""


def countries() -> list[tuple[str, str, list[str], list[str]]]:
    """(iso3, name, variants, adjectives) for each country in the fallback list."""
    rows = []
    for line in _TABLE.strip().splitlines():
        iso, names, adjectives = line.split("|")
        name_list = [n for n in names.split(";") if n]
        rows.append((iso, name_list[0], name_list[1:], [a for a in adjectives.split(";") if a]))
    return rows
