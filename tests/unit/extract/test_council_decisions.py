"""Council pages written for these tests in the manner of the UN's meetings coverage: the decision's own verb
(not one others ask for), end dates from the page's date and periods, operations beside others, listing pages."""

from __future__ import annotations

import datetime as dt

import pytest

from peacegraph.seed.extract.context import ExtractContext
from peacegraph.seed.extract.council.decision import decision_item
from peacegraph.seed.extract.council.page import page_date
from tests.unit.extract.council_pages import op, read

# --- the decision's own verb ------------------------------------------------------------------------------------

def test_a_verb_others_ask_for_is_not_the_decision(ctx: ExtractContext) -> None:
    d = read(ctx, "Timor mission extended briefly while Council mulls future options\n"
                  "18 August 2006 – As the Security Council weighs requests from the Government to create a new, "
                  "expanded United Nations mission in the country, the 15-member body today briefly extended the "
                  "current mission there.\nIn a report last week, the Secretary-General urged the Council to "
                  "establish a new mission to help rebuild institutions.", "http://www.un.org/apps/news/story.asp")
    assert d.action == "renew"
    assert d.adopted == dt.date(2006, 8, 18), "the dateline gives the day"


@pytest.mark.parametrize("lede", [
    "The Security Council today called for calm in Somalia and extended the authorization of the African Union "
    "Mission in Somalia (AMISOM) until 31 May 2016.",
    "The Security Council today authorized the African Union to maintain the deployment of the African Union "
    "Mission in Somalia (AMISOM) until 31 May 2016, adopting resolution 2232 (2015).",
])
def test_the_councils_own_verb_beside_a_call(ctx: ExtractContext, lede: str) -> None:
    d = read(ctx, lede, "https://press.un.org/en/2015/sc1.doc.htm")
    assert (d.action, op(d), d.end_date) == ("renew", "amisom", dt.date(2016, 5, 31)), \
        "a further authorisation of a non-UN force for a new period is a renewal (GUIDE.md)"


def test_a_termination_the_council_only_considers_is_not_one(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council Authorizes Reduction in Côte d’Ivoire Mission’s Military Contingent\n"
                  "The Security Council today decided to downsize the United Nations Operation in Côte d’Ivoire "
                  "(UNOCI), decreasing its military component from 5,437 to 4,000 personnel by 31 March 2016.\n"
                  "Unanimously adopting resolution 2260 (2016), the Council recalled that paragraph 25 reaffirms its "
                  "intention to consider downsizing UNOCI and possibly terminating its mandate.",
             "https://press.un.org/en/2016/sc12212.doc.htm")
    assert (d.action, op(d), d.end_date) == ("modify", "unoci", None), "a drawdown deadline is not an end date"


@pytest.mark.parametrize("lede", [
    "The Security Council today voted to expand the UN peacekeeping mission in Côte d'Ivoire temporarily, "
    "authorizing an increase in the strength of the United Nations Operation in Côte d'Ivoire (UNOCI) of 850 "
    "personnel until 30 June 2006.",
    "Adopting resolution 1609 (2005), the Security Council today decided that UNOCI shall, on a temporary basis "
    "until 30 June 2006, support the electoral commission with transporting materials.",
])
def test_a_change_of_strength_or_tasks_without_a_new_period_is_a_modification(ctx: ExtractContext,
                                                                               lede: str) -> None:
    d = read(ctx, "Security Council Acts on Côte d'Ivoire\n" + lede, "https://press.un.org/en/2005/sc1.doc.htm")
    assert (d.action, op(d), d.end_date) == ("modify", "unoci", None), "a temporary end is not a new mandate period"


def test_a_final_extension_is_a_termination(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council Extends Mandate of Iraq Assistance Mission for Final 19 Months, Unanimously "
                  "Adopting Resolution 2732 (2024)\nThe Security Council extended the mandate of the United Nations "
                  "Assistance Mission for Iraq (UNAMI) today for a final 19 month-period until 31 December 2025, "
                  "after which UNAMI will cease all work and operations.", "https://press.un.org/en/2024/sc1.doc.htm")
    assert (d.action, op(d), d.end_date, d.symbol) == ("terminate", "unami", dt.date(2025, 12, 31),
                                                       "S/RES/2732 (2024)")


def test_an_extended_authorisation_to_establish_is_a_renewal(ctx: ExtractContext) -> None:
    d = read(ctx, "The Security Council today extended until 2 November 2025 the authorization to establish a "
                  "European Union-led stabilization force in Mali, as the 15-member Council reviewed the situation.",
             "https://press.un.org/en/mali")
    assert d.action == "renew" and d.end_date == dt.date(2025, 11, 2)


def test_a_failed_renewal_is_not_the_decision_of_a_listing(ctx: ExtractContext) -> None:
    d = read(ctx, "Due to the veto of a permanent member, the Security Council today failed for the fourth time in "
                  "three weeks to renew the mandate, due to expire at midnight, of the investigative body on Syria.\n"
                  "Security Council: Meetings Coverage\n"
                  "The Security Council decided this morning to extend until 15 April 2018 the mandate of the United "
                  "Nations Operation in Côte d'Ivoire (UNOCI), and to limit its support to a further five months, "
                  "while awaiting implementation of the measures agreed by the two parties and their neighbours.\n"
                  "The Security Council this morning extended the mandate of the African Union Mission in Somalia "
                  "(AMISOM) until 15 November 2018, increasing its troop ceiling by 900 personnel overall.",
             "https://press.un.org/en/content/security-council/meetings-coverage?page=160")
    assert (d.action, op(d), d.end_date) == ("renew", "unoci", dt.date(2018, 4, 15))


def test_a_resolution_text_on_one_line_acts_in_its_operative_paragraphs(ctx: ExtractContext) -> None:
    d = read(ctx, "S/RES/2381 (2017)\nSecurity Council Distr.: General 6 October 2017\nResolution 2381 (2017)\n"
                  "Adopted by the Security Council at its 8063rd meeting, on 5 October 2017\nThe Security Council, "
                  "Welcoming the temporary ceasefire announced on 4 September 2017, Recalling the positive role "
                  "played by the Mission established by resolution 2261 (2016), 1. Welcomes the letter of the "
                  "Secretary-General of 2 October 2017; 2. Decides that the United Nations Verification Mission "
                  "established in resolution 2366 (2017) shall, on a temporary basis until 9 January 2018, "
                  "participate in the mechanism, in order to: (i) Verify compliance with the temporary, bilateral, "
                  "national ceasefire;", "http://unscr.com/en/resolutions/2381")
    assert (d.action, op(d), d.adopted, d.end_date) == ("modify", "unvmc", dt.date(2017, 10, 5), None), \
        "the adoption line dates the page, so the Guatemala mission of the same name is not active"
    assert d.tasks == ["ceasefire_monitoring"]


# --- end dates --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "url", "want"), [
    (" date 2019-03-15 The Security Council today decided to extend the mandate of the United Nations Operation in "
     "Côte d'Ivoire (UNOCI) for a further period of twelve months.", "https://press.un.org/en/2019/sc1.doc.htm",
     dt.date(2020, 3, 15)),
    ("The Security Council today decided to extend the mandate of the United Nations Operation in Côte d'Ivoire "
     "(UNOCI) for a further period of twelve months.", "https://press.un.org/en/2019/sc1.doc.htm", None),
    ("The Security Council today extended the mandate of UNOCI for one year.",
     "https://press.un.org/en/1997/19970130.sc6318.html", dt.date(1998, 1, 30)),
    ("The Security Council this afternoon approved a technical rollover of the mandate of UNOCI until 31 July.",
     "https://news.un.org/en/story/2006/11/1-x", dt.date(2007, 7, 31)),
    ("The Security Council today extended the mandate of UNOCI through 30 April 2021.",
     "https://press.un.org/en/2021/sc1.doc.htm", dt.date(2021, 4, 30)),
    ("The Security Council today renewed the authorization of AMISOM up to 15 May 2015.",
     "https://press.un.org/en/2015/sc1.doc.htm", dt.date(2015, 5, 15)),
    ("The Security Council today extended the mandate of UNOCI for a new period expiring on 31 August 2010.",
     "https://press.un.org/en/2010/sc1.doc.htm", dt.date(2010, 8, 31)),
    ("In unanimously adopting today's resolution, the Council briefly extended the mission.\nThe mandate of UNOCI, "
     "set to expire on 15 June, now runs through 25 August.", "https://news.un.org/en/story/2006/06/1-x",
     dt.date(2006, 8, 25)),
])
def test_end_dates(ctx: ExtractContext, text: str, url: str, want: dt.date | None) -> None:
    d = read(ctx, text, url)
    assert d.action == "renew" and d.end_date == want


def test_an_initial_mandate_of_months_from_the_adoption_day(ctx: ExtractContext) -> None:
    d = read(ctx, "22-Oct-99\n\nSC/6742\n\nThe Security Council this morning established the United Nations Zembla "
                  "Mission (UNZEM) with immediate effect for an initial period of six months, acting under Chapter "
                  "VII of the Charter.", "https://childrenandarmedconflict.un.org/22oct99/")
    assert (d.action, d.adopted, d.end_date) == ("establish", dt.date(1999, 10, 22), dt.date(2000, 4, 22))


@pytest.mark.parametrize(("text", "want"), [
    ("On 30 July 2008, the Security Council unanimously adopted resolution 1827 terminating the mandate of the "
     "United Nations Mission in Ethiopia and Eritrea (UNMEE) with effect from the following day.",
     dt.date(2008, 7, 31)),
    ("On 30 July 2008, the Security Council decided to terminate the mandate of UNMEE as of 31 August 2008, "
     "requesting the withdrawal of all personnel by 31 October.", dt.date(2008, 8, 31)),
])
def test_termination_dates(ctx: ExtractContext, text: str, want: dt.date) -> None:
    d = read(ctx, text, "https://unmee.unmissions.org/en/node/1444")
    assert (d.action, op(d), d.end_date) == ("terminate", "unmee", want)
    if "1827" in text:
        assert d.symbol == "S/RES/1827 (2008)", "the year from the adoption date the text gives"


def test_a_closure_after_the_mandate_lapsed_ends_on_the_mandate_end(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council Adopts Resolution 1997 (2011) Authorizing Closure of United Nations Mission in "
                  "the Sudan\nThe Security Council today decided to close the six-year-old United Nations Mission in "
                  "the Sudan (UNMIS) and called on the Secretary-General to complete the withdrawal by 31 August "
                  "2011.\nUnanimously adopting resolution 1997 (2011), the Council emphasized the need for an orderly "
                  "withdrawal of UNMIS following the 9 July termination of its mandate.",
             "https://press.un.org/en/2011/sc10317.doc.htm")
    assert (d.action, op(d), d.end_date) == ("terminate", "unmis", dt.date(2011, 7, 9)), \
        "the name the page defines as UNMIS is UNMIS; the withdrawal deadline is not the end date"


def test_a_listing_is_read_in_its_first_item(ctx: ExtractContext) -> None:
    text = ("UNMEE\nUN Mission in Ethiopia and Eritrea is withdrawn\n\nOn 30 July 2008, the Security Council "
            "unanimously adopted resolution 1827 terminating the mandate of the United Nations Mission in Ethiopia "
            "and Eritrea (UNMEE) with effect from the following day, in response to crippling restrictions.\n\n"
            "UN Security Council extends UNMEE mandate\n\nNew York, 30 July - The UN Security Council today, "
            "unanimously agreed to extend the mandate of UNMEE for another six months, to 31 January 2008.")
    body, at = decision_item(text)
    assert at == 0 and len(body) == len(text) and "31 January 2008" not in body, "the second item is blanked"
    d = read(ctx, text, "https://unmee.unmissions.org/en/node/1444")
    assert d.action == "terminate" and d.end_date == dt.date(2008, 7, 31)


# --- operations -------------------------------------------------------------------------------------------------

def test_a_multinational_force_is_not_the_un_mission_beside_it(ctx: ExtractContext) -> None:
    d = read(ctx, "SECURITY COUNCIL AUTHORIZES FORCE\n19990915Acting under Chapter VII of the Charter, the Security "
                  "Council early this morning authorized the establishment of a multinational force under a unified "
                  "command structure to restore peace and security in East Timor, to protect and support the United "
                  "Nations Mission in East Timor (UNAMET) and to facilitate humanitarian assistance operations there.",
             "https://press.un.org/en/1999/19990915.sc6727.doc.html")
    assert (op(d), d.action) == ("interfet", "authorise_support")


def test_a_name_with_its_place_is_the_graph_operation(ctx: ExtractContext) -> None:
    d = read(ctx, "SECURITY COUNCIL AUTHORIZES INTERNATIONAL SECURITY FORCE FOR AFGHANISTAN\nThe Security Council "
                  "this afternoon authorized the establishment for six months of an International Security "
                  "Assistance Force in Afghanistan to assist the Interim Authority in the maintenance of security.\n"
                  "The Council, unanimously adopting resolution 1386 (2001), also called upon Member States to "
                  "contribute personnel to the Force and authorized those States participating in it to take all "
                  "necessary measures to fulfil its mandate.", "https://press.un.org/en/2001/sc7248.doc.htm")
    assert (op(d), d.action, d.end_date) == ("isaf", "authorise_support", None), "no adoption day: no end date"
    assert d.tasks == ["use_of_force"], "States participating in the force act for it"


def test_a_word_in_a_capitalised_headline_is_not_an_operation(ctx: ExtractContext) -> None:
    d = read(ctx, "COUNCIL EXTENDS CÔTE D'IVOIRE MISSION MANDATE UNTIL 15 JUNE 2002\n\nThe Security Council this "
                  "morning extended the mandate of the United Nations Operation in Côte d'Ivoire (UNOCI) until 15 "
                  "June 2002.", "https://press.un.org/en/2001/sc7074.doc.htm")
    assert op(d) == "unoci" and d.end_date == dt.date(2002, 6, 15)


# --- tasks ------------------------------------------------------------------------------------------------------

def test_it_after_the_councils_sentence_is_the_council(ctx: ExtractContext) -> None:
    d = read(ctx, "The Security Council today extended the mandate of MINUSMA until 30 June 2015, acting under "
                  "Chapter VII.\nIt stressed the responsibility of the authorities to ensure the safe return of "
                  "refugees.\nIt will also support the holding of elections.\nThe Council underlined the importance "
                  "of including in MINUSMA personnel with appropriate training in international humanitarian, human "
                  "rights and refugee law.", "https://press.un.org/en/2014/sc1.doc.htm")
    assert set(d.tasks) == {"use_of_force", "electoral_assistance"}


def test_page_dates() -> None:
    assert page_date("22-Oct-99\n\nSC/6742", None).value == dt.date(1999, 10, 22)  # type: ignore[union-attr]
    assert page_date("SC/7074\n15/06/2001\nPress Release", None).value == dt.date(2001, 6, 15)  # type: ignore[union-attr]
    got = page_date("no date", "https://press.un.org/en/1995/19951215.sc6143.html")
    assert got is not None and (got.value, got.precision) == (dt.date(1995, 12, 15), "day")
    assert page_date("no date", "https://media.un.org/avlibrary/en/asset/d324/d3245074") is None


# --- v7: deployments, renamings, temporary strength, starts, reprints' dates ---------------------------------------

def test_sending_troops_for_a_new_operation_establishes_it_and_its_mandate_gives_the_tasks(ctx: ExtractContext) -> None:
    d = read(ctx, "Council authorizes peacekeeping mission for Sudan\n24 March 2005\n"
                  "The Security Council voted unanimously today to send 10,000 troops to Sudan for an initial period "
                  "of six months to support the peace agreement between the parties.\n"
                  "The troops will form the United Nations Mission in Sudan (UNMIS).\n"
                  "Other parts of the mandate include monitoring and verifying the ceasefire agreement.",
             "https://news.un.org/en/story/2005/03/1")
    assert (d.action, op(d), d.end_date) == ("establish", "unmis", dt.date(2005, 9, 24))
    assert {"peace_process_support", "ceasefire_monitoring"} <= set(d.tasks), d.tasks


def test_deploying_an_operation_that_runs_already_until_a_day_renews_it(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council approves more peacekeepers for Cyprus\n14 June 2010\n"
                  "The Security Council today unanimously approved the deployment of some 900 peacekeepers of the "
                  "United Nations Peacekeeping Force in Cyprus (UNFICYP) until 15 December 2010.",
             "https://news.un.org/en/story/2010/06/1")
    assert (d.action, op(d), d.end_date) == ("renew", "unficyp", dt.date(2010, 12, 15)), d.notes


def test_a_renamed_operation_is_established_under_its_new_name(ctx: ExtractContext) -> None:
    d = read(ctx, "New York – The Security Council today decided that the United Nations Mission in Sudan shall be "
                  "called the United Nations Mission in the Republic of South Sudan and that the renamed Mission shall "
                  "begin its work from 9 July.\nAdopting resolution 1996 (2011), the Council further decided that "
                  "the Transitional Mission shall deliver its mandate until 9 July 2012.",
             "https://press.un.org/en/2011/sc10300.doc.htm")
    assert (d.action, op(d), d.end_date) == ("establish", "unmiss", dt.date(2012, 7, 9)), d.notes


def test_extending_temporary_personnel_is_a_modification(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council Bolsters Mission in Côte d'Ivoire\n"
                 "The Security Council today authorized the deployment of 2,000 additional troops for the United "
                 "Nations Operation in Côte d'Ivoire (UNOCI) until 30 June 2011.\nAdopting resolution 1967 (2011), the "
                 "Council also extended until 30 June the authorization of hundreds of military and police personnel "
                 "granted last year.", "https://press.un.org/en/2011/sc10154.doc.htm")
    assert (d.action, op(d), d.end_date) == ("modify", "unoci", None), d.notes


def test_as_of_a_day_starts_an_establishment_and_the_end_comes_later(ctx: ExtractContext) -> None:
    d = read(ctx, "SECURITY COUNCIL ESTABLISHES MISSION\n19990611The Security Council this morning decided to "
                  "establish, as of 12 June, the United Nations Mission in East Timor (UNAMET) to organize the "
                  "consultation.\nThe Council took that action by adopting resolution 1246 (1999). Also by the text, "
                  "the Council decided that the mandate of UNAMET should extend to 31 August 1999.",
             "https://press.un.org/en/1999/19990611.sc6686.html")
    assert (d.action, op(d), d.end_date) == ("establish", "unamet", dt.date(1999, 8, 31))


def test_a_number_to_be_issued_is_the_adopted_one_and_an_american_date_line_dates_a_reprint(ctx: ExtractContext
                                                                                           ) -> None:
    assert page_date("Security Council extends mission\nJan 28, 2014\n|\nView Original\n", None).value == \
        dt.date(2014, 1, 28)
    d = read(ctx, "Security Council extends mission in Iraq\nAug 7, 2014\nThe Security Council today extended the "
                  "mandate of the United Nations Assistance Mission for Iraq (UNAMI) for one year, asking it to continue its "
                  "work with the Government. The full text of "
                  "today's resolution, to be issued as Council resolution 2169 (2014), reads as follows:",
             "https://reliefweb.int/report/iraq/1")
    assert (d.symbol, d.adopted, d.end_date) == ("S/RES/2169 (2014)", dt.date(2014, 8, 7), dt.date(2015, 8, 7))


def test_an_adoption_without_a_number_under_chapter_vii_and_the_texts_priorities_give_tasks(ctx: ExtractContext
                                                                                            ) -> None:
    d = read(ctx, "Security Council authorizes force for East Timor\n15 September 1999\n"
                  "The Security Council this evening authorized the establishment of the International Force East "
                  "Timor (INTERFET).\nAdopting a resolution under Chapter VII of the UN Charter, the Council mandated "
                  "the force to facilitate the provision of relief aid.\n"
                  "Among its priorities, the text underscores the protection of civilians.",
             "https://news.un.org/en/story/1999/09/1")
    assert op(d) == "interfet"
    assert {"use_of_force", "humanitarian_relief", "civilian_protection"} <= set(d.tasks), d.tasks


# --- v8: ends in other words, agency datelines, names of operations not running then, strength changes ----------

@pytest.mark.parametrize("lede, end", [
    ("New York, Sep 15 2010 6:10PM The Security Council today voted to wind up the United Nations Mission in "
     "Ethiopia and Eritrea (UNMEE) in January next year after the parties reached an agreement this week.", None),
    ("The Security Council today extended the United Nations Mission in Ethiopia and Eritrea (UNMEE) until 31 July "
     "2008, by when it should be fully drawn down and its responsibilities transferred to the country team.",
     dt.date(2008, 7, 31)),
])
def test_winding_up_or_a_last_period_until_full_drawdown_terminates(ctx: ExtractContext, lede: str,
                                                                    end: dt.date | None) -> None:
    d = read(ctx, "Security Council acts on Ethiopia and Eritrea\n" + lede, "https://news.un.org/en/story/1")
    assert (d.action, op(d), d.end_date) == ("terminate", "unmee", end), d.notes


def test_agency_datelines_and_the_old_news_stamp_date_the_page() -> None:
    assert page_date("NEW YORK–(ENEWSPF)–4 June 2010 – The Security Council today …", None).value == \
        dt.date(2010, 6, 4)
    assert page_date("UN Mission to end\nNew York, Sep 15 2010 6:10PM The Security Council today …", None).value == \
        dt.date(2010, 9, 15)


def test_a_name_said_of_an_operation_not_running_then_is_the_one_running(ctx: ExtractContext) -> None:
    d = read(ctx, "The Security Council today extended the United Nations Mission in Sudan until 15 July 2014, "
                  "asking the Secretary-General to report on the work of the mission by 15 March 2014.\n"
                  "In a unanimously adopted resolution, the Council requested an update on the United Nations "
                  "Mission in the Republic of South Sudan (UNMISS).", "https://www.example.org/undated-reprint/")
    assert (d.action, op(d), d.end_date) == ("renew", "unmiss", dt.date(2014, 7, 15)), \
        "no page date: the first date of the text gives the year, and UNMIS had ended by 2014"


def test_an_end_before_a_demand_on_others_counts_and_quoted_words_give_no_task(ctx: ExtractContext) -> None:
    d = read(ctx, "Mandate of UN mission in Iraq extended for another year\n"
                  "The Security Council today extended for another year the mandate of the United Nations office "
                  "that is helping Iraq on its journey towards a stable and peaceful country.\n"
                  "“The renewal will also enable UNAMI to continue its national reconciliation efforts,” Mr. Ban "
                  "wrote.\nActing unanimously, the Council adopted a resolution extending the mandate of the United "
                  "Nations Assistance Mission for Iraq (UNAMI) until 31 July 2012, and calling on all parties to "
                  "contribute to peaceful elections.", "https://news.un.org/en/story/2011/07/1")
    assert (d.action, op(d), d.end_date, d.tasks) == ("renew", "unami", dt.date(2012, 7, 31), []), d.notes


def test_what_the_operation_was_first_tasked_with_or_continues_to_do_is_background(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council extends mandate of UN mission in Cyprus\n21 July 2010\n"
                  "The Security Council today extended the mandate of the United Nations Peacekeeping Force in Cyprus "
                  "(UNFICYP) until 15 December 2010.\nOriginally established in 1964, UNFICYP was tasked with "
                  "monitoring the ceasefire, and the Force continues to clear mines in the buffer zone.",
             "https://news.un.org/en/story/2010/07/1")
    assert (d.action, op(d), d.tasks) == ("renew", "unficyp", []), d.tasks


def test_more_troops_for_the_tasks_it_has_are_no_new_task(ctx: ExtractContext) -> None:
    d = read(ctx, "Security Council increases troop ceiling in Cyprus\n"
                  "The Security Council decided today to increase the authorized size of the United Nations "
                  "Peacekeeping Force in Cyprus (UNFICYP) by 300 troops to enhance its ability to carry out its "
                  "priority mandated tasks, which would enable the Force to focus on the protection of civilians.",
             "https://press.un.org/en/2010/sc1.doc.htm")
    assert (d.action, op(d), d.tasks) == ("modify", "unficyp", []), d.notes
