#!/usr/bin/env python3
"""Writes social-map-demo.json: a demonstration social map for ELZ Zennevallei and
Zorgzone Zuid (Brussels), in HSDS 3.0 JSON with zoneatlas's extensions.

Every record is DEMO DATA: the kinds of services and institutions are those the zones'
reports name (OCMW/CPAS, CAW, food aid, local service centres, digital help desks,
drinking-water points, ...), but names, addresses, hours and coordinates are made up
near each municipality's centre, and every service says so ("demo": true). Run:
    python3 data/demo/make_social_map.py > data/demo/social-map-demo.json
"""
import json
import random

random.seed(7)

# NIS code, Dutch name, French name, postcode, latitude, longitude, French spoken at the desk.
PLACES = {
    "23027": ("Halle", "Hal", "1500", 50.7336, 4.2346, False),
    "23003": ("Beersel", "Beersel", "1650", 50.7663, 4.3003, False),
    "23098": ("Drogenbos", "Drogenbos", "1620", 50.7870, 4.3160, True),
    "23100": ("Linkebeek", "Linkebeek", "1630", 50.7688, 4.3370, True),
    "23064": ("Pepingen", "Pepingen", "1670", 50.7594, 4.1603, False),
    "23101": ("Sint-Genesius-Rode", "Rhode-Saint-Genèse", "1640", 50.7466, 4.3573, True),
    "23077": ("Sint-Pieters-Leeuw", "Leeuw-Saint-Pierre", "1600", 50.7800, 4.2440, False),
    "21007": ("Vorst", "Forest", "1190", 50.8110, 4.3190, True),
    "21009": ("Elsene", "Ixelles", "1050", 50.8270, 4.3720, True),
    "21013": ("Sint-Gillis", "Saint-Gilles", "1060", 50.8280, 4.3450, True),
    "21016": ("Ukkel", "Uccle", "1180", 50.8020, 4.3370, True),
    "21017": ("Watermaal-Bosvoorde", "Watermael-Boitsfort", "1170", 50.7990, 4.4160, True),
}
ZENNEVALLEI = ["23027", "23003", "23098", "23100", "23064", "23101", "23077"]
ZUID = ["21007", "21009", "21013", "21016", "21017"]
BRUSSELS = set(ZUID)

# (id, themes, target groups, cost, competent level, nl name, fr name, nl description, fr description,
#  nl plain or "", fr plain or "", hours [(days, opens, closes, walk_in)], serves: "own" | "zone", languages)
KINDS = [
    ("social-service", ["income_rights", "housing"], ["low_income"], "free", "municipality",
     "Sociale dienst {nl}", "Service social {fr}",
     "Het OCMW (sociaal huis) helpt bij leefloon, schulden, huur en energie, en bekijkt welke rechten u hebt.",
     "Le CPAS aide pour le revenu d'intégration, les dettes, le loyer et l'énergie, et vérifie vos droits.",
     "U hebt te weinig geld? Kom langs. Wij kijken samen wat kan.", "Vous manquez d'argent ? Venez. Nous cherchons ensemble.",
     [("MO,TU,TH", "09:00", "12:00", True), ("WE", "13:30", "16:30", False)], "own", ["nl", "fr"]),
    ("food-aid", ["food"], ["low_income", "single_parent_families"], "free", "private",
     "Voedselbedeling {nl}", "Distribution alimentaire {fr}",
     "Wekelijkse voedselpakketten voor gezinnen met een laag inkomen, op verwijzing van het OCMW of het CAW.",
     "Colis alimentaires chaque semaine pour les familles à faible revenu, sur orientation du CPAS ou du CAW.",
     "Elke week een pakket met eten. Vraag eerst een kaart bij het OCMW.", "",
     [("FR", "13:00", "16:00", False)], "own", ["nl", "fr", "ar"]),
    ("social-grocery", ["food"], ["low_income"], "reduced", "private",
     "Sociale kruidenier {nl}", "Épicerie sociale {fr}",
     "Winkel waar mensen met een krap budget voeding en verzorging kopen aan ongeveer de helft van de prijs.",
     "Magasin où les personnes au budget serré achètent nourriture et hygiène à moitié prix environ.",
     "", "", [("TU,SA", "10:00", "13:00", True)], "zone", ["nl", "fr"]),
    ("digital-help", ["digital_help"], ["older_people", "migration_background"], "free", "municipality",
     "Digipunt bibliotheek {nl}", "Point numérique bibliothèque {fr}",
     "Hulp bij itsme, e-mail, je smartphone en online formulieren van de overheid. Zonder afspraak tijdens de open uren.",
     "Aide pour itsme, e-mail, smartphone et formulaires en ligne. Sans rendez-vous pendant les heures d'ouverture.",
     "Hulp met uw gsm of computer. U hoeft geen afspraak te maken.", "Aide avec votre GSM ou ordinateur. Sans rendez-vous.",
     [("WE", "14:00", "17:00", True), ("SA", "10:00", "12:00", True)], "own", ["nl", "fr", "en"]),
    ("service-centre", ["social_isolation"], ["older_people", "isolated_people"], "reduced", "municipality",
     "Lokaal dienstencentrum {nl}", "Centre de services local {fr}",
     "Ontmoeting, warme maaltijden, activiteiten en hulp thuis voor ouderen en wie zich eenzaam voelt.",
     "Rencontres, repas chauds, activités et aide à domicile pour les aînés et les personnes isolées.",
     "Kom een koffie drinken en mensen ontmoeten. Er is ook een warme maaltijd.", "",
     [("MO,TU,WE,TH,FR", "09:00", "16:00", True)], "own", ["nl"]),
    ("water-point", ["drinking_water"], [], "free", "municipality",
     "Drinkwaterpunt Markt {nl}", "Point d'eau potable Grand-Place {fr}",
     "Openbaar drinkwaterpunt: gratis kraantjeswater, ook om een fles te vullen.",
     "Point d'eau potable public : eau du robinet gratuite, aussi pour remplir une gourde.",
     "Hier kunt u gratis water drinken.", "Ici, vous pouvez boire de l'eau gratuitement.",
     [("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00", True)], "own", []),
]
ZONE_SERVICES = [
    ("caw", ["housing", "income_rights", "mental_health"], ["homeless", "low_income", "young_people"], "free", "flemish_community",
     "CAW onthaal", "Accueil CAW",
     "Het Centrum Algemeen Welzijnswerk helpt bij vragen over relaties, wonen, geld, geweld en dakloosheid.",
     "Le CAW aide pour les relations, le logement, l'argent, la violence et le sans-abrisme.",
     "Met elke vraag kunt u bij ons terecht. Het is gratis.", "",
     [("MO,WE", "09:00", "12:30", True), ("TH", "16:00", "19:00", False)], "zone", ["nl", "fr", "en"]),
    ("psychologist", ["mental_health"], ["young_people", "chronically_ill"], "reduced", "federal",
     "Eerstelijnspsycholoog", "Psychologue de première ligne",
     "Tien gesprekken met een eerstelijnspsycholoog voor een kleine bijdrage (gratis met verhoogde tegemoetkoming).",
     "Dix séances chez un psychologue de première ligne pour une petite contribution (gratuit avec l'intervention majorée).",
     "", "", [("TU,TH", "17:00", "20:00", False)], "zone", ["nl", "fr"]),
    ("carer-support", ["family_carers"], ["family_carers", "older_people"], "free", "private",
     "Steunpunt mantelzorg", "Soutien aux aidants proches",
     "Informatie, praatgroepen en respijtzorg voor wie zorgt voor een partner, ouder of kind.",
     "Information, groupes de parole et répit pour qui prend soin d'un proche.",
     "U zorgt voor iemand? Wij helpen u ook.", "",
     [("MO,TH", "10:00", "12:00", False)], "zone", ["nl", "fr"]),
    ("parenting", ["parenting"], ["single_parent_families"], "free", "flemish_community",
     "Huis van het Kind", "Maison de l'enfant",
     "Consultaties voor baby's en peuters, opvoedingsondersteuning en inloop voor ouders.",
     "Consultations pour bébés et tout-petits, soutien à la parentalité et accueil pour les parents.",
     "Vragen over uw kind? Kom langs, zonder afspraak op woensdag.", "",
     [("WE", "09:00", "12:00", True), ("FR", "13:00", "16:00", False)], "zone", ["nl", "fr", "ar", "tr"]),
    ("addiction", ["addiction"], ["young_people"], "free", "private",
     "Drugpunt en alcohol- en drugpreventie", "Point drogues et prévention des assuétudes",
     "Vertrouwelijke gesprekken over alcohol, drugs, gokken en gamen, ook voor familie.",
     "Entretiens confidentiels sur l'alcool, les drogues, le jeu, aussi pour les proches.",
     "", "", [("TU", "14:00", "18:00", False)], "zone", ["nl", "fr"]),
    ("screening", ["prevention_screening"], ["low_income", "older_people"], "free", "flemish_community",
     "Infopunt bevolkingsonderzoek kanker", "Info dépistage du cancer",
     "Uitleg over de gratis bevolkingsonderzoeken naar borst-, baarmoederhals- en dikkedarmkanker; hulp bij de uitnodiging.",
     "Explications sur les dépistages gratuits du cancer du sein, du col de l'utérus et colorectal.",
     "Gratis onderzoek naar kanker. Wij leggen uit hoe het werkt.", "",
     [("TH", "09:00", "12:00", True)], "zone", ["nl", "fr"]),
    ("mobility", ["mobility"], ["older_people", "disability"], "reduced", "municipality",
     "Minder Mobielen Centrale", "Centrale des moins mobiles",
     "Vrijwilligers rijden mensen die moeilijk met het openbaar vervoer kunnen, tegen een kleine kilometervergoeding.",
     "Des bénévoles conduisent les personnes qui ne peuvent prendre les transports en commun, pour une petite indemnité.",
     "", "", [("MO,WE,FR", "09:00", "11:00", False)], "zone", ["nl"]),
    ("night-shelter", ["housing"], ["homeless"], "free", "cocom",
     "Nachtopvang", "Accueil de nuit",
     "Een bed, een douche en een ontbijt voor wie geen dak heeft, elke nacht.",
     "Un lit, une douche et un petit-déjeuner pour les personnes sans abri, chaque nuit.",
     "Geen plek om te slapen? Hier kan het.", "Pas d'endroit pour dormir ? Ici, c'est possible.",
     [("MO,TU,WE,TH,FR,SA,SU", "20:00", "08:00", True)], "zone", ["nl", "fr", "en", "ar"]),
]


def jitter(value):
    return round(value + random.uniform(-0.004, 0.004), 5)


def service(kind, code, zone_codes, zone_label, n):
    (sid, themes, groups, cost, level, nl, fr, dnl, dfr, pnl, pfr, hours, serves, languages) = kind
    nl_name, fr_name, postcode, lat, lon, french = PLACES[code]
    brussels = code in BRUSSELS
    organization_name = ("CPAS de " + fr_name if brussels else "OCMW " + nl_name) if level == "municipality" else \
        ("Zorgzone Zuid" if zone_label == "zuid" else "Welzijnsnetwerk Zennevallei") + " (demo)"
    organization_id = ("ocmw-" + code) if level == "municipality" else "network-" + zone_label
    location_id = "loc-" + sid + "-" + code
    street = (["Rue de l'Église", "Place communale", "Avenue de la Gare", "Rue du Marché"] if brussels else
              ["Markt", "Kerkstraat", "Stationsstraat", "Dorpsplein"])[n % 4]
    verified = "2026-0%d-15" % (1 + n % 9) if n % 5 else "2025-0%d-10" % (1 + n % 9)  # Some older than a year.
    record = {
        "id": "demo-%s-%s" % (sid, code),
        "name": nl.format(nl=nl_name, fr=fr_name) if not brussels else fr.format(nl=nl_name, fr=fr_name),
        "description": dnl if not brussels else dfr,
        "status": "active",
        "assured_date": verified,
        "assurer_email": "coordinator@%s.example" % zone_label,
        "organization": {"id": organization_id, "name": organization_name,
                         "description": "Demo-organisatie" if not brussels else "Organisation de démonstration"},
        "phones": [{"id": "ph-%s-%s" % (sid, code), "number": "+32 2 %03d %02d %02d" % (300 + n, n % 100, (n * 7) % 100)}],
        "schedules": [{"id": "sch-%s-%s-%d" % (sid, code, i), "freq": "WEEKLY", "byday": days, "opens_at": opens,
                       "closes_at": closes,
                       "zoneatlas": {"walk_in": walk_in, "on_holidays": sid in ("water-point", "night-shelter")}}
                      for i, (days, opens, closes, walk_in) in enumerate(hours)],
        "service_areas": [{"id": "area-%s-%s-%s" % (sid, code, c), "name": c}
                          for c in (zone_codes if serves == "zone" else [code])],
        "languages": [{"id": "lang-%s-%s-%s" % (sid, code, l), "code": l}
                      for l in (languages + (["fr"] if french and languages and "fr" not in languages else []))],
        "service_at_locations": [{"id": "sal-%s-%s" % (sid, code), "location": {
            "id": location_id, "location_type": "physical",
            "name": (nl.format(nl=nl_name, fr=fr_name) if not brussels else fr.format(nl=nl_name, fr=fr_name)),
            "latitude": jitter(lat), "longitude": jitter(lon),
            "addresses": [{"id": "addr-" + location_id, "address_1": "%s %d" % (street, 1 + n % 40), "city": nl_name if not brussels else fr_name,
                           "state_province": "", "postal_code": postcode, "country": "BE", "address_type": "physical"}],
            "zoneatlas": {"municipality_code": code,
                          "transport": {"nl": "Bus tot halte %s, dan 3 minuten te voet." % street,
                                        "fr": "Bus jusqu'à l'arrêt %s, puis 3 minutes à pied." % street},
                          "wheelchair": n % 3 != 0}}}],
        "attributes": [{"id": "attr-%s-%s-%s" % (sid, code, t), "taxonomy_term": {"id": t, "taxonomy": "zoneatlas-themes"}} for t in themes] +
                      [{"id": "attr-%s-%s-%s" % (sid, code, g), "taxonomy_term": {"id": g, "taxonomy": "zoneatlas-target-groups"}} for g in groups],
        "zoneatlas": {
            "name": {"nl": nl.format(nl=nl_name, fr=fr_name), "fr": fr.format(nl=nl_name, fr=fr_name)},
            "description": {"nl": dnl, "fr": dfr},
            "plain": {k: v for k, v in (("nl", pnl), ("fr", pfr)) if v},
            "cost": cost, "competent_level": "cocof" if (brussels and level == "flemish_community" and n % 2) else level,
            "demo": True,
        },
    }
    if cost == "reduced":
        record["fees_description"] = "Minder betalen met verhoogde tegemoetkoming." if not brussels else "Tarif réduit avec l'intervention majorée."
    return record


def main():
    services = []
    n = 0
    for zone_codes, label in ((ZENNEVALLEI, "zennevallei"), (ZUID, "zuid")):
        for code in zone_codes:
            for kind in KINDS:
                # Not every municipality has everything: Pepingen has no social grocery, ...
                if kind[0] == "social-grocery" and code not in (zone_codes[0], zone_codes[-1]):
                    continue
                n += 1
                services.append(service(kind, code, zone_codes, label, n))
        for i, kind in enumerate(ZONE_SERVICES):
            n += 1
            services.append(service(kind, zone_codes[i % len(zone_codes)], zone_codes, label, n))
    print(json.dumps(services, ensure_ascii=False, indent=1))


main()
