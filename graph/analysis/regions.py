"""The UN M49 region (continent) of each country, by ISO 3166 alpha-3 code: what "active in the region" means for
a partner under an agreement (an organisation with no presence in the country's region is never a candidate).
A country not listed (a synthetic one, a maritime zone of its own) has only itself as its region."""

from __future__ import annotations

from functools import cache

_REGIONS = {
    "Africa": """DZA EGY LBY MAR SDN TUN ESH BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD UGA TZA
        ZMB ZWE AGO CMR CAF TCD COG COD GNQ GAB STP BWA SWZ LSO NAM ZAF BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT
        NER NGA SHN SEN SLE TGO IOT ATF""",
    "Americas": """AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT SXM
        TTO TCA VIR BLZ CRI SLV GTM HND MEX NIC PAN ARG BOL BVT BRA CHL COL ECU FLK GUF GUY PRY PER SGS SUR URY VEN
        BMU CAN GRL SPM USA""",
    "Asia": """KAZ KGZ TJK TKM UZB CHN HKG MAC PRK JPN MNG KOR TWN BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM AFG BGD
        BTN IND IRN MDV NPL PAK LKA ARM AZE BHR CYP GEO IRQ ISR JOR KWT LBN OMN QAT SAU PSE SYR TUR ARE YEM""",
    "Europe": """BLR BGR CZE HUN POL MDA ROU RUS SVK UKR ALA DNK EST FRO FIN GGY ISL IRL IMN JEY LVA LTU NOR SJM SWE GBR
        ALB AND BIH HRV GIB GRC VAT ITA MLT MNE MKD PRT SMR SRB SVN ESP XKX AUT BEL FRA DEU LIE LUX MCO NLD CHE""",
    "Oceania": """AUS NZL NFK CXR CCK HMD UMI FJI NCL PNG SLB VUT GUM KIR MHL FSM NRU MNP PLW ASM COK PYF NIU PCN WSM TKL
        TON TUV WLF""",
}
REGION_OF: dict[str, str] = {code: region for region, codes in _REGIONS.items() for code in codes.split()}


@cache
def region_countries(country: str) -> frozenset[str]:
    """The countries in the same M49 region as `country` (itself included), or just itself."""
    region = REGION_OF.get(country.upper())
    if region is None:
        return frozenset({country})
    return frozenset(c for c, r in REGION_OF.items() if r == region)
