"""Claim constructions and attributes, on sentences written for these tests."""

from __future__ import annotations

from .conftest import claims_of


def test_subject_verb_object(nlp):
    triples, _ = claims_of(nlp, "Poland criticized Hungary over the vote.")
    assert ("POL", "OPPOSE", "HUN") in triples


def test_prepositional_object_and_nominal_object(nlp):
    triples, _ = claims_of(nlp, "Brazil has sought closer economic cooperation with Mexico.")
    assert ("BRA", "SEEK_COOPERATION", "MEX") in triples


def test_nominal_predicate_with_possessive(nlp):
    triples, _ = claims_of(nlp, "India’s concern about Pakistan has grown.")
    assert ("IND", "CONCERN", "PAK") in triples


def test_relative_clause(nlp):
    triples, _ = claims_of(nlp, "The dialogue that Turkey is seeking with Greece stalled.")
    assert ("TUR", "SEEK_COOPERATION", "GRC") in triples


def test_control_and_coordination(nlp):
    triples, _ = claims_of(nlp, "Canada must strengthen ties to Mexico, Chile, and Peru.")
    for partner in ("MEX", "CHL", "PER"):
        assert ("CAN", "SEEK_COOPERATION", partner) in triples


def test_coordinated_subjects_symmetric(nlp):
    triples, doc = claims_of(nlp, "Egypt and Jordan signed a water agreement.")
    assert ("EGY", "AGREE", "JOR") in triples
    assert doc.claims[0].stance == "cooperative"


def test_negation_and_modality(nlp):
    _, doc = claims_of(nlp, "Norway did not criticize Sweden.")
    claim = next(c for c in doc.claims if c.type == "OPPOSE")
    assert claim.negated
    _, doc = claims_of(nlp, "Kenya may support Ethiopia.")
    assert next(c for c in doc.claims if c.type == "SUPPORT").modality == "hedged"
    _, doc = claims_of(nlp, "Chile will support Peru.")
    assert next(c for c in doc.claims if c.type == "SUPPORT").modality == "predicted"
    _, doc = claims_of(nlp, "Spain should support Portugal.")
    assert next(c for c in doc.claims if c.type == "SUPPORT").modality == "normative"


def test_a_courteous_would_is_no_hedge(nlp):
    _, doc = claims_of(nlp, "Ghana would like to congratulate Togo on its election.")
    assert [c.modality for c in doc.claims if c.object == "TGO"] == ["asserted"]
    _, doc = claims_of(nlp, "Ghana would support Togo.")
    assert next(c for c in doc.claims if c.type == "SUPPORT").modality == "hedged"


def test_attribution(nlp):
    _, doc = claims_of(nlp, "According to officials close to the Iranian government, Iraq "
                            "criticized Kuwait.")
    claim = next(c for c in doc.claims if c.type == "OPPOSE")
    assert claim.source == "IRN"
    assert "officials close to the Iranian government" in claim.source_agent
    _, doc = claims_of(nlp, "Lavrov said that Japan opposed China.")
    claim = next(c for c in doc.claims if (c.subject, c.object) == ("JPN", "CHN"))
    assert (claim.source, claim.source_agent) == ("RUS", "Lavrov")


def test_relations_valence(nlp):
    _, doc = claims_of(nlp, "Relations between Peru and Chile sank to their worst level.")
    claim = next(c for c in doc.claims if c.type == "RELATIONS")
    assert claim.stance == "conflictual"
    _, doc = claims_of(nlp, "Relations between Peru and Chile improved to a good level.")
    assert next(c for c in doc.claims if c.type == "RELATIONS").stance == "cooperative"


def test_unary_military_action(nlp):
    _, doc = claims_of(nlp, "Pakistan began large-scale military exercises.")
    claim = next(c for c in doc.claims if c.type == "MILITARY_ACTION")
    assert claim.subject == "PAK" and claim.object is None


def test_time_exact_relative_and_implausible(nlp):
    _, doc = claims_of(nlp, "On April 29, 2013, Japan criticized China.")
    assert doc.claims[0].time == "2013-04-29"
    text = ("In October 2011 it was revealed that a year earlier Russia had arrested a Chinese "
            "spy.")
    _, doc = claims_of(nlp, text)
    assert any(c.time == "2010" for c in doc.claims)
    _, doc = claims_of(nlp, "In February 2103 Russia criticized Japan. In 2013 it happened.")
    assert any("2103" in w for w in doc.warnings)
    assert all(c.time != "2103" for c in doc.claims)


def test_far_deadlines_are_not_implausible_dates(nlp):
    text = "Ghana and Togo agreed to end hunger by 2050. In March 2099 Ghana criticized Togo."
    _, doc = claims_of(nlp, text, date="2020")
    assert not any("2050" in w for w in doc.warnings)  # a target, not a slip
    assert any("2099" in w for w in doc.warnings)
    assert all(c.time not in {"2050", "2099"} for c in doc.claims)


def test_years_ago_count_back_from_the_document(nlp):
    _, doc = claims_of(nlp, "Seventy-five years ago, Ghana signed a treaty with Togo.",
                       date="2020")
    assert [c.time for c in doc.claims] == ["1945"]
    _, doc = claims_of(nlp, "Ghana met Togo in 2010. Forty years ago, Ghana signed a treaty "
                            "with Togo.", date="2020")  # from the speech, not from 2010
    assert [c.time for c in doc.claims] == ["2010", "1980"]
    _, doc = claims_of(nlp, "Many years ago Ghana signed a treaty with Togo.", date="2020")
    assert [c.time for c in doc.claims] == [None]


def test_claim_ids_stable_and_text_rendered(nlp):
    _, a = claims_of(nlp, "Poland criticized Hungary.")
    _, b = claims_of(nlp, "Poland criticized Hungary.")
    assert [c.claim_id for c in a.claims] == [c.claim_id for c in b.claims]
    assert a.claims[0].text == "Poland opposes Hungary"


def test_passive_with_actors_from_context(nlp):
    triples, _ = claims_of(nlp, "It was agreed to hold talks between the Chilean and "
                                "Peruvian foreign ministers.")
    assert ("CHL", "AGREE", "PER") in triples


def test_passive_agent_is_the_subject(nlp):
    triples, _ = claims_of(nlp, "Ecuador was criticized by Colombia.")
    assert ("COL", "OPPOSE", "ECU") in triples


def test_demand_in_reported_speech(nlp):
    triples, _ = claims_of(nlp, "The United States demanded that Iran release the sailors.")
    assert ("USA", "OPPOSE", "IRN") in triples


def test_domestic_actors_of_the_one_state_named(nlp):
    triples, doc = claims_of(nlp, "Zimbabwean rebels attacked the police near the border.")
    assert ("ZWE", "ATTACK", "ZWE") in triples  # rebels vs police of the same state
    assert doc.claims[0].text.endswith("(domestic)")
    triples, doc = claims_of(nlp, "President Kalombo criticized the rebels in Zimbabwe.")
    assert ("ZWE", "OPPOSE", "ZWE") in triples
    assert doc.claims[0].subject_agent == "President Kalombo"  # unlisted name
    triples, _ = claims_of(nlp, "Kenyan troops attacked the rebels and Somalia protested.")
    assert not any(s == o for s, _, o in triples)  # two states named: no context state


def test_a_pronoun_is_not_a_second_domestic_actor(nlp):
    triples, _ = claims_of(nlp, "Chile criticized the rebels.")
    assert ("CHL", "OPPOSE", "CHL") in triples  # the state and its rebels
    triples, _ = claims_of(nlp, "Chile said that it would criticize the rebels.")
    assert ("CHL", "OPPOSE", "CHL") not in triples  # a resolved pronoun is no second actor
    from pipeline.roles import ActorRef, distinct_agents

    state = ActorRef(0, 1, 0, ["CHL"], None, "STATE")
    pronoun = ActorRef(2, 3, 2, ["CHL"], None, "REF")
    rebels = ActorRef(5, 6, 5, ["CHL"], "REB", "DOMESTIC", "REB")
    assert distinct_agents(state, rebels)
    assert not distinct_agents(pronoun, rebels) and not distinct_agents(state, state)


def test_event_verbs_of_news(nlp):
    cases = {
        "Israeli bulldozers demolished Palestinian homes.": ("ISR", "ATTACK", "PSE"),
        "Syria ended its mediation between Lebanon and Israel.": ("SYR", "OPPOSE", "LBN"),
        "Nigeria summoned the ambassador of Niger to complain.": ("NGA", "OPPOSE", "NER"),
    }
    for text, triple in cases.items():
        triples, _ = claims_of(nlp, text)
        assert triple in triples, (text, triples)


def test_domestic_actor_of_the_state_its_phrase_names(nlp):
    # two states named, but "in Guinea" says whose forces they are
    triples, _ = claims_of(nlp, "Security forces in Guinea beat Liberian refugees.")
    assert ("GIN", "ATTACK", "LBR") in triples
    triples, _ = claims_of(nlp, "Security forces beat Liberian refugees in Guinea.")
    assert not any(s == "GIN" for s, _, _ in triples)  # "in Guinea" belongs to the verb


def test_predicative_adjectives(nlp):
    assert ("JPN", "CONCERN", "CHN") in claims_of(nlp, "Japan is wary of China.")[0]
    triples, _ = claims_of(nlp, "Japan is ready to hold talks with Russia.")
    assert ("JPN", "SEEK_COOPERATION", "RUS") in triples  # talks offered, not held
    assert ("JPN", "COOPERATE", "RUS") not in triples
    triples, _ = claims_of(nlp, "Syria is willing to withdraw its troops from Lebanon.")
    assert ("SYR", "SEEK_COOPERATION", "LBN") in triples  # the object of what it offers


def test_offer_to_act_is_a_proposal(nlp):
    triples, _ = claims_of(nlp, "Libya offered to hand the suspects over to Britain.")
    assert ("LBY", "SEEK_COOPERATION", "GBR") in triples
    triples, _ = claims_of(nlp, "Libya promised to attack Britain.")
    assert ("LBY", "SEEK_COOPERATION", "GBR") not in triples  # a threat is no offer


def test_evaluative_adjectives_and_reluctance(nlp):
    assert ("RUS", "CONCERN", "USA") in claims_of(nlp, "Moscow is suspicious of Washington.")[0]
    assert ("CHN", "SUPPORT", "PAK") in claims_of(nlp, "China is supportive of Pakistan.")[0]
    _, doc = claims_of(nlp, "Russia has been reluctant to criticize China.")
    assert [(c.type, c.negated) for c in doc.claims] == [("OPPOSE", True)]


def test_experiencer_verbs_reverse_the_roles(nlp):
    triples, _ = claims_of(nlp, "Australia's decision to ban the firm angered China.")
    assert ("CHN", "OPPOSE", "AUS") in triples
    assert ("JPN", "CONCERN", "CHN") in claims_of(nlp, "The Chinese survey worried Japan.")[0]


def test_reciprocal_subjects(nlp):
    triples, _ = claims_of(nlp, "India and Pakistan exchanged fire across the border.")
    assert {("IND", "ATTACK", "PAK"), ("PAK", "ATTACK", "IND")} <= triples
    assert ("IND", "COOPERATE", "PAK") not in triples  # an exchange of fire is no exchange
    triples, _ = claims_of(nlp, "Japan and Russia should deepen their dialogue.")
    assert ("JPN", "SEEK_COOPERATION", "RUS") in triples
    triples, _ = claims_of(nlp, "Japan and Russia protested.")
    assert not triples  # no object, nothing reciprocal: no claim between them


def test_purpose_passive_and_preposition_clause(nlp):
    triples, doc = claims_of(nlp, "Washington's pivot to Asia is not aimed at containing China.")
    assert ("USA", "CONTAIN", "CHN") in triples and doc.claims[0].negated
    triples, _ = claims_of(nlp, "France responded by destroying Chad's air force.")
    assert ("FRA", "ATTACK", "TCD") in triples


def test_possessor_of_an_object_phrase_and_parties_of_between(nlp):
    triples, _ = claims_of(nlp, "We condemn Russia's aggression against Ukraine.",
                           speaker="POL")
    assert ("POL", "OPPOSE", "RUS") in triples and ("POL", "OPPOSE", "UKR") not in triples
    triples, _ = claims_of(nlp, "We welcome the agreement between Saudi Arabia and Iran.",
                           speaker="POL")
    assert ("IRN", "AGREE", "SAU") in triples
    assert not any(t == "AGREE" and "POL" in (s, o) for s, t, o in triples)


def test_nominal_predicate_after_a_copula(nlp):
    triples, _ = claims_of(nlp, "The United States remains Japan's closest ally.")
    assert ("JPN", "COOPERATE", "USA") in triples
    _, doc = claims_of(nlp, "China and India have long been rivals.")
    assert [(c.type, c.stance) for c in doc.claims] == [("RELATIONS", "conflictual")]


def test_recipient_of_a_light_verb(nlp):
    triples, _ = claims_of(nlp, "Japan gave Vietnam a loan of 2 billion dollars.")
    assert ("JPN", "COOPERATE", "VNM") in triples
    triples, _ = claims_of(nlp, "Russia has given strong backing to Syria.")
    assert ("RUS", "SUPPORT", "SYR") in triples
    triples, _ = claims_of(nlp, "Germany sent 500 tons of food aid to Sudan.")
    assert ("DEU", "COOPERATE", "SDN") in triples
    triples, _ = claims_of(nlp, "We stand in solidarity with the people of Ukraine.",
                           speaker="POL")
    assert ("POL", "SUPPORT", "UKR") in triples


def test_ending_a_cooperation_opposes(nlp):
    for text, triple in {
        "Saudi Arabia severed diplomatic relations with Iran.": ("SAU", "OPPOSE", "IRN"),
        "Italy announced a suspension of air links with Serbia.": ("ITA", "OPPOSE", "SRB"),
        "Japan froze its economic assistance to Myanmar.": ("JPN", "OPPOSE", "MMR"),
        "The United States withdrew from the nuclear agreement with Iran.":
            ("USA", "OPPOSE", "IRN"),
    }.items():
        triples, _ = claims_of(nlp, text)
        assert triples == {triple}, (text, triples)  # no COOPERATE, no CONCEDE beside it
    triples, _ = claims_of(nlp, "Russia withdrew its troops from Syria.")
    assert triples == {("RUS", "CONCEDE", "SYR")}
    triples, _ = claims_of(nlp, "Japan removed the barriers to trade with Vietnam.")
    assert triples == {("JPN", "COOPERATE", "VNM")}  # the barriers end, not the trade
    triples, _ = claims_of(nlp, "Ethiopia reopened its border with Eritrea.")
    assert triples == {("ETH", "CONCEDE", "ERI")}  # "its" is no possessor that stands alone


def test_lifting_a_sanction_is_a_concession_only(nlp):
    triples, _ = claims_of(nlp, "The United States lifted sanctions on Sudan.")
    assert triples == {("USA", "CONCEDE", "SDN")}


def test_call_on_an_actor_to_act(nlp):
    triples, _ = claims_of(nlp, "France called on Iran to release the hostages.")
    assert ("FRA", "SEEK_COOPERATION", "IRN") in triples
    assert ("IRN", "CONCEDE", None) in triples  # Iran is the one asked to release
    triples, _ = claims_of(nlp, "Egypt called for talks with Israel.")
    assert ("EGY", "SEEK_COOPERATION", "ISR") in triples
    triples, _ = claims_of(nlp, "Kenya called the decision unacceptable.")
    assert triples == set()


def test_conflictual_act_targets_the_state_it_happens_in(nlp):
    triples, _ = claims_of(nlp, "Turkish authorities imposed a curfew in southeastern Turkey.")
    assert ("TUR", "OPPOSE", "TUR") in triples  # the government against its population
    triples, _ = claims_of(nlp, "Russia launched attacks in Ukraine.")
    assert ("RUS", "ATTACK", "UKR") in triples
    triples, _ = claims_of(nlp, "Russia and China held talks in Kazakhstan.")
    assert not any("KAZ" in (s, o) for s, _, o in triples)  # only for conflictual acts


def test_of_phrase_acts_when_the_noun_has_a_partner(nlp):
    triples, _ = claims_of(nlp, "Japan welcomed the cooperation of India with Vietnam.")
    assert ("IND", "COOPERATE", "VNM") in triples
    assert ("IND", "COOPERATE", "JPN") not in triples


def test_reported_they_is_the_speaker(nlp):
    triples, _ = claims_of(nlp, "Palestinian leaders said they would boycott all contact "
                                "with the United States.")
    assert ("PSE", "OPPOSE", "USA") in triples


def test_symmetric_pair_in_code_order_drops_the_other_sides_agent(nlp):
    _, doc = claims_of(nlp, "The European Commission gave aid to the Ivory Coast.")
    claim = next(c for c in doc.claims if c.type == "COOPERATE")
    assert (claim.subject, claim.object) == ("CIV", "EU")
    assert claim.subject_agent is None  # "European Commission" names the EU, not CIV


def test_the_judge_of_an_event_is_not_its_agent(nlp):
    triples, _ = claims_of(nlp, "We condemn the invasion of Ukraine.", speaker="POL")
    assert ("POL", "ATTACK", "UKR") not in triples and ("POL", "OPPOSE", "UKR") in triples
    triples, _ = claims_of(nlp, "We welcome the withdrawal of troops from Mali.", speaker="POL")
    assert ("POL", "CONCEDE", None) not in triples
    triples, _ = claims_of(nlp, "We condemn Russia's invasion of Ukraine.", speaker="POL")
    assert ("RUS", "ATTACK", "UKR") in triples  # the event's own agent stays
    triples, _ = claims_of(nlp, "Iran threatened an invasion of Iraq.")
    assert ("IRN", "MILITARY_ACTION", "IRQ") in triples  # a threat commits its subject
    assert ("IRN", "ATTACK", "IRQ") not in triples  # force threatened, not used (spec 3.1)


def test_perception_with_a_stance_noun_and_trade_words(nlp):
    triples, _ = claims_of(nlp, "Russia views China's growing influence in Central Asia "
                                "with suspicion.")
    assert ("RUS", "CONCERN", "CHN") in triples
    triples, _ = claims_of(nlp, "Japan's energy imports from Russia have increased.")
    assert ("JPN", "COOPERATE", "RUS") in triples
    triples, _ = claims_of(nlp, "Russia sold fighter jets to China.")
    assert ("CHN", "COOPERATE", "RUS") in triples
    triples, _ = claims_of(nlp, "Russia's withdrawal from Syria surprised no one.")
    assert ("RUS", "CONCEDE", "SYR") in triples
    triples, _ = claims_of(nlp, "Japan received support from the United States.")
    assert ("JPN", "SUPPORT", "USA") not in triples  # "from" names the supporter


def test_participle_on_an_object_takes_the_issuers_subject(nlp):
    triples, _ = claims_of(nlp, "Iran released a statement accusing Israel of sabotage.")
    assert triples == {("IRN", "OPPOSE", "ISR")}  # and releasing a statement concedes nothing


def test_demand_noun_with_its_that_clause(nlp):
    triples, _ = claims_of(nlp, "The ILO reiterated its demand today that Israel ease "
                                "restrictions on Palestinian workers.")
    assert ("ILO", "OPPOSE", "ISR") in triples  # "its" is the ILO, the clause names Israel


def test_sudan_peoples_liberation_movement_is_an_actor(nlp):
    triples, _ = claims_of(nlp, "The Sudanese government and the SPLM/A agreed to a truce.")
    assert ("SDN", "AGREE", "SPLM") in triples


def test_a_place_in_a_state_is_the_target_of_force(nlp):
    triples, _ = claims_of(nlp, "Russian forces shelled Mariupol and Kherson.")
    assert triples == {("RUS", "ATTACK", "UKR")}
    triples, _ = claims_of(nlp, "Red Cross officials suspended aid deliveries in Baghdad.")
    assert ("ICRC", "OPPOSE", "IRQ") in triples  # a capital as a venue still lies in Iraq
    triples, _ = claims_of(nlp, "Japan and China held talks in Shanghai.")
    assert triples == {("CHN", "COOPERATE", "JPN")}  # a venue of talks is no party
    triples, _ = claims_of(nlp, "Rebels in Aleppo shelled government positions.")
    assert ("SYR", "ATTACK", "SYR") in triples  # domestic actors of the state the place is in


def test_prepared_force_and_power_as_a_modifier(nlp):
    triples, _ = claims_of(nlp, "The Macedonian army prepared to resume shelling Albanian "
                                "positions.")
    assert triples == {("MKD", "MILITARY_ACTION", "ALB")}
    triples, _ = claims_of(nlp, "Afghan guerillas cut the power lines into Kabul.")
    assert not any(t == "ASSESSMENT" for _, t, _ in triples)
    triples, _ = claims_of(nlp, "China's military power worries Japan.")
    assert ("CHN", "ASSESSMENT", None) in triples


def test_expansion_and_military_words_need_a_fitting_object(nlp):
    for text in ("China will continue to advance green and low-carbon development.",
                 "The United Nations should make advances in all three pillar areas.",
                 "The United States has already mobilized more than $30 billion.",
                 "Japan is mobilizing financial resources in the private sector."):
        triples, _ = claims_of(nlp, text)
        assert triples == set(), (text, triples)
    triples, _ = claims_of(nlp, "China extended its influence into Central Asia.")
    assert ("CHN", "EXPAND", None) in triples
    triples, _ = claims_of(nlp, "Russia mobilized 300,000 reservists.")
    assert ("RUS", "MILITARY_ACTION", None) in triples
    triples, _ = claims_of(nlp, "Russia is determined to advance strategic cooperation "
                                "with Japan.")
    assert ("RUS", "SEEK_COOPERATION", "JPN") in triples


def test_power_as_an_ability_or_a_scope_is_no_assessment(nlp):
    for text in ("Russia alone has the power to end this war.",
                 "It is within the capacity of Brazil.", "It is in Brazil's power."):
        triples, _ = claims_of(nlp, text)
        assert not any(t == "ASSESSMENT" for _, t, _ in triples), (text, triples)


def test_meeting_a_demand_concedes(nlp):
    triples, _ = claims_of(nlp, "Israel accepted Egypt's conditions for a truce.")
    assert triples == {("ISR", "CONCEDE", "EGY")}  # no OPPOSE from the word "conditions"


def test_target_of_force_from_its_purpose_and_domestic_groups(nlp):
    triples, _ = claims_of(nlp, "Egyptian police opened fire to disperse demonstrators.")
    assert ("EGY", "ATTACK", "EGY") in triples  # police against demonstrators
    triples, _ = claims_of(nlp, "Thousands of Iraqi Kurds demonstrated in Kirkuk.")
    assert ("IRQ", "OPPOSE", "IRQ") in triples  # Kurds, a domestic group, in an Iraqi city
    triples, _ = claims_of(nlp, "Russia fought in Russia.")
    assert triples == set()  # one actor against itself is no claim
    triples, _ = claims_of(nlp, "Vietnamese forces retook a village in Cambodia after fierce "
                                "fighting with Cambodian guerrillas.")
    assert ("VNM", "ATTACK", "KHM") in triples


def test_a_threat_concerns_the_one_threatened(nlp):
    triples, _ = claims_of(nlp, "The missile programmes of North Korea pose a direct threat "
                                "to the peace of South Korea.")
    assert ("KOR", "CONCERN", "PRK") in triples and ("PRK", "CONCERN", "KOR") not in triples
    triples, _ = claims_of(nlp, "China is a threat to Japan.")
    assert triples == {("JPN", "CONCERN", "CHN")}


def test_mutual_stances_and_negation_that_ends_a_thing(nlp):
    triples, _ = claims_of(nlp, "The mutual distrust between India and China deepened.")
    assert triples == {("IND", "CONCERN", "CHN"), ("CHN", "CONCERN", "IND")}
    _, doc = claims_of(nlp, "The mutual distrust between India and China has not been "
                            "brushed away.")
    assert doc.claims and not any(c.negated for c in doc.claims)  # it lingers
    _, doc = claims_of(nlp, "The agreement between Japan and Russia was not signed.")
    assert [c.negated for c in doc.claims] == [True]


def test_participle_target_and_the_one_accused_of_an_act(nlp):
    triples, _ = claims_of(nlp, "The Taliban have intensified battlefield attacks, inflicting "
                                "heavy casualties on Afghan government forces.")
    assert ("TALIBAN", "ATTACK", "AFG") in triples
    triples, _ = claims_of(nlp, "Kenya accused Somalia of plotting attacks on Ethiopia.")
    assert ("SOM", "ATTACK", "ETH") in triples and ("KEN", "ATTACK", "ETH") not in triples
    triples, _ = claims_of(nlp, "He said the Taliban will be crushed by Afghan forces.")
    assert ("AFG", "ATTACK", "TALIBAN") in triples


def test_participle_of_a_nominal_gives_its_agent_and_object(nlp):
    triples, _ = claims_of(nlp, "The sanctions imposed on Iran by the United States hurt.")
    assert triples == {("USA", "OPPOSE", "IRN")}
    triples, _ = claims_of(nlp, "The aid provided to Ukraine by Germany was decisive.")
    assert triples == {("DEU", "COOPERATE", "UKR")}


def test_together_with_alongside_and_with_the_help_of(nlp):
    triples, _ = claims_of(nlp, "The Republic of Korea, together with the United Nations, "
                                "will take on that responsibility.")
    assert ("KOR", "COOPERATE", "UN") in triples
    triples, _ = claims_of(nlp, "The US President stood in Hanoi alongside a Vietnamese leader.")
    assert ("USA", "COOPERATE", "VNM") in triples
    triples, _ = claims_of(nlp, "We hope that with the assistance of the United Nations, "
                                "Libyans will prepare for elections.")
    assert ("UN", "SEEK_COOPERATION", "LBY") in triples  # the UN helps Libya, as hoped


def test_membership_and_presidency_of_a_body(nlp):
    triples, _ = claims_of(nlp, "India took up the presidency of the Group of 20.")
    assert ("G20", "COOPERATE", "IND") in triples  # a symmetric pair, in code order
    triples, _ = claims_of(nlp, "Japan is serving as a non-permanent member of the Security "
                                "Council.")
    assert ("JPN", "COOPERATE", "UN") in triples


def test_modernization_is_military_only_in_a_military_phrase(nlp):
    assert claims_of(nlp, "India is modernizing its economy.")[0] == set()
    assert claims_of(nlp, "Chinese modernization involves a huge population.")[0] == set()
    assert ("CHN", "MILITARY_ACTION", None) in claims_of(nlp, "China is modernizing its navy.")[0]


def test_agent_of_a_participle_inside_an_object_phrase(nlp):
    triples, _ = claims_of(nlp, "We demand the lifting of the sanctions imposed by the United "
                                "States on Syria.", speaker="POL")
    assert {("POL", "OPPOSE", "USA"), ("USA", "OPPOSE", "SYR")} <= triples
    triples, _ = claims_of(nlp, "Serbian police launched an investigation into crimes "
                                "committed by Croat forces.")
    assert ("SRB", "OPPOSE", "HRV") in triples


def test_bilateral_refers_to_the_pair_and_differences_are_relations(nlp):
    _, doc = claims_of(nlp, "Japan and Russia met. Bilateral trade grew.")
    assert [(c.sentence, c.subject, c.type, c.object) for c in doc.claims] == \
        [(0, "JPN", "COOPERATE", "RUS"), (1, "JPN", "COOPERATE", "RUS")]
    _, doc = claims_of(nlp, "A difference of degree between China and Russia emerged.")
    assert [(c.subject, c.type, c.object, c.stance) for c in doc.claims] == \
        [("CHN", "RELATIONS", "RUS", "conflictual")]


def test_an_event_in_a_time_phrase_is_not_the_clause_subjects(nlp):
    triples, _ = claims_of(nlp, "Japan imposed sanctions on Russia after the annexation of "
                                "Crimea.")
    assert triples == {("JPN", "OPPOSE", "RUS")}  # Japan annexed nothing
    triples, _ = claims_of(nlp, "Tokyo and Moscow remain divided over the Kuril Islands.")
    assert triples == {("JPN", "RELATIONS", "RUS")}


def test_patient_of_a_passive_with_an_agent(nlp):
    triples, _ = claims_of(nlp, "Farms in Armenia were wiped out by Azerbaijani artillery.")
    assert ("AZE", "ATTACK", "ARM") in triples
    triples, _ = claims_of(nlp, "Large parts of Cyprus remain occupied by Turkey.")
    assert ("TUR", "ATTACK", "CYP") in triples
    # "by" with a measure names no agent: the subject stays the one who acts
    triples, _ = claims_of(nlp, "Peru shortened by one hour the curfew imposed in Peru.")
    assert ("PER", "CONCEDE", None) in triples or ("PER", "CONCEDE", "PER") in triples


def test_hostile_nominals_and_sabotage(nlp):
    triples, _ = claims_of(nlp, "Ottawa condemned Iran's violation of the Security Council "
                                "resolutions.")
    assert ("IRN", "OPPOSE", "UN") in triples
    triples, _ = claims_of(nlp, "Cuba denounced the United States' economic strangulation "
                                "of Nicaragua.")
    assert ("USA", "OPPOSE", "NIC") in triples
    triples, _ = claims_of(nlp, "Serbia tried to sabotage the talks with Kosovo.")
    assert triples == {("SRB", "OPPOSE", "XKX")}  # sabotaged talks are no cooperation


def test_verbs_typed_by_their_preposition(nlp):
    triples, _ = claims_of(nlp, "Poland stands with Ukraine and will push back on Russia.")
    assert {("POL", "SUPPORT", "UKR"), ("POL", "OPPOSE", "RUS")} <= triples
    assert claims_of(nlp, "Peru stood in the rain.")[0] == set()  # no preposition of stance
    triples, _ = claims_of(nlp, "We must uphold the Charter of the United Nations.",
                           speaker="GHA")
    assert triples == {("GHA", "SUPPORT", "UN")}


def test_a_condemned_attack_stands_for_its_attacker(nlp):
    triples, _ = claims_of(nlp, "Brazil stood against the US invasion of Iraq.")
    assert triples == {("BRA", "OPPOSE", "USA"), ("USA", "ATTACK", "IRQ")}
    triples, _ = claims_of(nlp, "Chile condemned the Russian occupation of Crimea.")
    assert ("CHL", "OPPOSE", "UKR") not in triples and ("CHL", "OPPOSE", "RUS") in triples


def test_assessment_needs_an_owner_and_no_act_on_it(nlp):
    assert claims_of(nlp, "Norway will employ clean energy such as nuclear power.")[0] == set()
    assert ("CHN", "ASSESSMENT", None) in claims_of(nlp, "China's power has grown.")[0]
    triples, _ = claims_of(nlp, "Iran is modernizing its military capabilities.")
    assert triples == {("IRN", "MILITARY_ACTION", None)}  # no ASSESSMENT, no object


def test_the_leader_of_an_act_acts_too(nlp):
    triples, _ = claims_of(nlp, "Led by Moscow, the CSTO countries are modernizing their "
                                "offensive forces.")
    assert {("RUS", "MILITARY_ACTION", None), ("CSTO", "MILITARY_ACTION", None)} <= triples


def test_relations_need_a_state_or_trend(nlp):
    assert claims_of(nlp, "The paper turns to Chile, taking relations with Peru into "
                          "account.")[0] == set()
    triples, doc = claims_of(nlp, "Relations between Chile and Peru sank to a low point.")
    assert triples == {("CHL", "RELATIONS", "PER")}
    assert ("CHL", "RELATIONS", "PER") in claims_of(
        nlp, "The deterioration of Chilean-Peruvian relations worried investors.")[0]


def test_calling_for_the_end_of_a_hostile_act_supports_its_target(nlp):
    triples, _ = claims_of(nlp, "We demand the lifting of the sanctions imposed by the United "
                                "States on Syria.", speaker="BOL")
    assert {("BOL", "SUPPORT", "SYR"), ("BOL", "OPPOSE", "USA"),
            ("USA", "OPPOSE", "SYR")} <= triples
    assert ("BOL", "OPPOSE", "SYR") not in triples
    triples, _ = claims_of(nlp, "Mexico called for the removal of US sanctions against "
                                "Venezuela.")
    assert ("MEX", "SUPPORT", "VEN") in triples and ("MEX", "SUPPORT", "USA") not in triples


def test_bilateral_may_name_the_pair_after_it(nlp):
    _, doc = claims_of(nlp, "When Erdogan visited the island, bilateral relations were said in "
                            "Greece to have plunged.")
    assert ("GRC", "RELATIONS", "TUR") in {(c.subject, c.type, c.object) for c in doc.claims}
    _, doc = claims_of(nlp, "Bilateral relations plunged, Chile, Peru and Bolivia said.")
    assert not [c for c in doc.claims if c.type == "RELATIONS"]  # three states: no pair


def test_a_trigger_inside_a_compound_takes_its_phrase_objects(nlp):
    triples, _ = claims_of(nlp, "Oman launched a mediation effort on Sunday between Iran and "
                                "Bahrain.")
    assert {("IRN", "COOPERATE", "OMN"), ("BHR", "COOPERATE", "OMN")} & triples
    assert ("BHR", "COOPERATE", "IRN") not in triples  # the mediator is the one who acts


def test_a_particle_keeps_its_preposition(nlp):
    triples, _ = claims_of(nlp, "Chadian rebels have kidnapped up to 16 French engineers.")
    assert ("TCD", "ATTACK", "FRA") in triples
    triples, _ = claims_of(nlp, "Syrian tanks fired shells at targets in Lebanon.")
    assert ("SYR", "ATTACK", "LBN") in triples


def test_compound_entries_and_drills_aimed_at_a_target(nlp):
    triples, _ = claims_of(nlp, "Greek and Cypriot warships launched ten days of war games.")
    assert triples == {("CYP", "COOPERATE", "GRC")}
    assert claims_of(nlp, "China held war games.")[0] == {("CHN", "MILITARY_ACTION", None)}
    for text in ("China held exercises against Taiwan.", "China held drills aimed at Taiwan."):
        assert claims_of(nlp, text)[0] == {("CHN", "MILITARY_ACTION", "TWN")}, text
    assert claims_of(nlp, "Japan held exercises with India.")[0] == {("IND", "COOPERATE", "JPN")}


def test_allowing_concedes_only_to_an_actor_allowed_to_act(nlp):
    triples, _ = claims_of(nlp, "Turkey opened the border to allow the delivery of food to "
                                "Syria.")
    assert ("TUR", "CONCEDE", "SYR") in triples
    assert claims_of(nlp, "We must never allow an injustice to recur.", speaker="IND")[0] == set()
    assert claims_of(nlp, "We cannot allow Ukraine to be carved up.", speaker="USA")[0] == set()


def test_acting_at_a_bodys_meeting_cooperates_with_it(nlp):
    triples, _ = claims_of(nlp, "At the G-7 Hiroshima Summit, we launched an initiative on "
                                "food security.", speaker="CAN")
    assert triples == {("CAN", "COOPERATE", "G7")}
    triples, _ = claims_of(nlp, "I presented our peace plan at the General Assembly.",
                           speaker="GHA")
    assert ("GHA", "COOPERATE", "UN") in triples
    assert claims_of(nlp, "Ghana arrived at the airport.")[0] == set()  # no body


def sentence_claims(nlp, text: str) -> set[tuple[int, str, str, str | None]]:
    """(sentence index, subject, type, object) of every claim of a text."""
    _, doc = claims_of(nlp, text)
    return {(c.sentence, c.subject, c.type, c.object) for c in doc.claims}


def test_an_agentless_attack_takes_the_attacker_the_document_named(nlp):
    text = ("Ethiopia invaded Eritrea in May. Ethiopia shelled Eritrea again in June. "
            "The aggression against Eritrea has yet to cease. The occupier must withdraw "
            "from Eritrea. The war against Somalia goes on.")
    found = sentence_claims(nlp, text)
    assert (2, "ETH", "ATTACK", "ERI") in found  # implied by the two claims before it
    assert (3, "ETH", "CONCEDE", "ERI") in found  # "the occupier" is the attacker
    assert not any(i == 4 for i, *_ in found)  # nobody was said to attack Somalia


def test_a_war_word_with_a_side_missing_takes_the_war_the_document_named(nlp):
    text = ("Ethiopia invaded Eritrea in May. Ethiopia shelled Eritrea again in June. "
            "That aggression has raised food prices. Ethiopia's war has displaced millions. "
            "The Cold War ended long ago. Any war is a failure. The war on terror goes on.")
    found = sentence_claims(nlp, text)
    assert (2, "ETH", "ATTACK", "ERI") in found  # both sides from the document's war
    assert (3, "ETH", "ATTACK", "ERI") in found  # the attacked side from it
    assert not any(i >= 4 for i, *_ in found)  # another war, any war, no war


def test_a_war_word_takes_no_sides_before_the_document_names_a_war(nlp):
    text = "Ethiopia invaded Eritrea in May. That aggression has raised food prices."
    found = sentence_claims(nlp, text)
    assert not any(i == 1 for i, *_ in found)  # one attack said: no main war yet


def test_members_of_a_named_grouping_cooperate_pairwise(nlp):
    triples, _ = claims_of(nlp, "Paris is creating blocs such as the Brazil-Argentina-Chile "
                                "trio.")
    assert {("ARG", "COOPERATE", "BRA"), ("ARG", "COOPERATE", "CHL"),
            ("BRA", "COOPERATE", "CHL")} <= triples


def test_object_control_of_a_causative_verb_with_an_infinitive_clause(nlp):
    triples, _ = claims_of(nlp, "This is the pressure driving the Greek side to seek energy "
                                "cooperation with Turkey and Egypt.")
    assert {("GRC", "SEEK_COOPERATION", "TUR"), ("GRC", "SEEK_COOPERATION", "EGY")} <= triples


def test_lifting_people_out_of_poverty_is_no_concession(nlp):
    triples, _ = claims_of(nlp, "Over a decade, Vietnam has been lifting 40 million people "
                                "out of poverty.")
    assert not any(t == "CONCEDE" for _, t, _ in triples)
    triples, _ = claims_of(nlp, "Vietnam lifted its ban on Chinese imports.")
    assert ("VNM", "CONCEDE", None) in triples or ("VNM", "CONCEDE", "CHN") in triples


def test_an_instrument_under_a_body_names_the_body(nlp):
    triples, _ = claims_of(nlp, "Chile supports the protection of fish stocks under the "
                                "United Nations Convention on the Law of the Sea.")
    assert ("CHL", "SUPPORT", "UN") in triples


def test_a_helper_named_by_a_possessive_supports_the_actor(nlp):
    triples, _ = claims_of(nlp, "Belgrade broke the truce with Moscow's support.")
    assert ("RUS", "SUPPORT", "SRB") in triples
    assert not any(o == "RUS" for _, _, o in triples)  # the helper is no one's target
    triples, _ = claims_of(nlp, "With the help of Iran, Iraq retook the city.")
    assert ("IRN", "SUPPORT", "IRQ") in triples
    triples, _ = claims_of(nlp, "Lebanon, with France's backing, launched a counteroffensive "
                                "against Syria.")
    assert {("FRA", "SUPPORT", "LBN"), ("LBN", "ATTACK", "SYR")} <= triples
    assert ("LBN", "ATTACK", "FRA") not in triples


def test_the_state_where_someone_is_arrested_or_expelled_acts(nlp):
    triples, _ = claims_of(nlp, "A Brazilian engineer has been arrested in Peru for spying.")
    assert ("PER", "OPPOSE", "BRA") in triples
    triples, _ = claims_of(nlp, "Three Dutch diplomats were expelled from Venezuela.")
    assert ("VEN", "OPPOSE", "NLD") in triples
    assert ("NLD", "OPPOSE", "VEN") not in triples
    triples, _ = claims_of(nlp, "Hundreds of demonstrators were detained in Kenya.")
    assert ("KEN", "OPPOSE", "KEN") in triples  # police against demonstrators
    triples, _ = claims_of(nlp, "A Brazilian engineer was honoured in Peru.")
    assert not triples


def test_a_body_put_at_the_core_is_supported(nlp):
    triples, _ = claims_of(nlp, "Chile is firm in supporting the international system, with "
                                "the United Nations at its core.")
    assert ("CHL", "SUPPORT", "UN") in triples
    triples, _ = claims_of(nlp, "Let us renew our commitment to multilateralism, with the "
                                "United Nations at its core.", speaker="POL")
    assert ("POL", "SUPPORT", "UN") in triples
    triples, _ = claims_of(nlp, "The Kashmir issue is at the core of the dispute between "
                                "India and Pakistan.")
    assert not any(t == "SUPPORT" for _, t, _ in triples)


def test_respecting_and_abiding_by_support(nlp):
    triples, _ = claims_of(nlp, "Chile respects the sovereignty of Peru.")
    assert ("CHL", "SUPPORT", "PER") in triples
    triples, _ = claims_of(nlp, "Ghana will abide by the decisions of the African Union.")
    assert ("GHA", "SUPPORT", "AU") in triples


def test_a_relative_clause_names_the_actors_of_its_noun(nlp):
    triples, _ = claims_of(nlp, "We condemn the war Ethiopia is waging against Eritrea.",
                           speaker="POL")
    assert ("ETH", "ATTACK", "ERI") in triples
    triples, _ = claims_of(nlp, "The aggression that Armenia launched against Azerbaijan "
                                "failed.")
    assert ("ARM", "ATTACK", "AZE") in triples
    triples, _ = claims_of(nlp, "The cooperation that Chile seeks with Peru is limited.")
    assert triples == {("CHL", "SEEK_COOPERATION", "PER")}  # the verb's claim, no other


def test_judging_something_a_threat_is_concern_about_it(nlp):
    triples, _ = claims_of(nlp, "Poland regards Belarus as a threat to Europe.")
    assert ("POL", "CONCERN", "BLR") in triples
    triples, _ = claims_of(nlp, "The communique issued by NATO characterizes the partnership "
                                "between Iran and Syria as a threat to NATO.")
    assert {("NATO", "CONCERN", "IRN"), ("NATO", "CONCERN", "SYR")} <= triples


def test_numbers_that_name_things_are_no_times():
    from pipeline.dates import find_times

    assert [t.value for t in find_times("the 2030 Agenda for Sustainable Development")] == []
    assert [t.value for t in find_times("Saudi Vision 2030 and resolution 2231 of 2015")] == \
        ["2015"]
    assert [t.value for t in find_times("In July 2012 and in 2013")] == ["2012-07", "2013"]


class RecordingClassifier:
    """Stands in for the classifier: keeps the sentences it is asked to type."""

    def __init__(self) -> None:
        self.sentences: list[str] = []

    def apply(self, works, finder):
        self.sentences += [w.sentence.text for w in works]
        return [(w.doc, c) for w in works for c in w.candidates]


def test_salutation_lines_are_not_typed(nlp):
    from pipeline.pipeline import Pipeline

    recorder = RecordingClassifier()
    pipeline = Pipeline(nlp.nlp, classifier=recorder)
    pipeline("Your Excellency António Guterres, Secretary-General of the United Nations,\n\n"
             "Mr. President,\n\nJapan has always supported the United Nations.",
             doc_id="JPN_78_2023")
    assert recorder.sentences == ["Japan has always supported the United Nations."]
