#!/usr/bin/env python3
"""Writes N synthetic but realistically shaped social-map services as HSDS 3.0 JSON, for
bench/socialmap.sh: the demo's kinds of services (names, descriptions with their words,
themes, target groups, weekly hours, languages, cost) spread over the 26 demo municipalities
with points around each centre, about 10 % of them in Brussels with French texts.
Usage: make_services.py N > services.json
"""
import json
import random
import sys

random.seed(11)
n = int(sys.argv[1])
PLACES = [
    ("23027", 50.7336, 4.2346), ("23003", 50.7663, 4.3003), ("23098", 50.787, 4.316), ("23100", 50.7688, 4.337),
    ("23064", 50.7594, 4.1603), ("23101", 50.7466, 4.3573), ("23077", 50.78, 4.244), ("21001", 50.836, 4.308),
    ("21002", 50.817, 4.43), ("21003", 50.864, 4.294), ("21004", 50.846, 4.352), ("21005", 50.834, 4.39),
    ("21006", 50.874, 4.401), ("21007", 50.811, 4.319), ("21008", 50.871, 4.316), ("21009", 50.827, 4.372),
    ("21010", 50.878, 4.327), ("21011", 50.863, 4.326), ("21012", 50.856, 4.323), ("21013", 50.828, 4.345),
    ("21014", 50.852, 4.372), ("21015", 50.867, 4.377), ("21016", 50.802, 4.337), ("21017", 50.799, 4.416),
    ("21018", 50.846, 4.424), ("21019", 50.836, 4.443)]
KINDS = [
    ("Voedselbedeling", "Distribution alimentaire", "Wekelijkse voedselpakketten voor gezinnen met een laag inkomen.",
     "Colis alimentaires chaque semaine pour les familles à faible revenu.", ["food"], ["low_income"]),
    ("Sociale kruidenier", "Épicerie sociale", "Voeding en verzorging aan de helft van de prijs.",
     "Nourriture et hygiène à moitié prix.", ["food"], ["low_income", "single_parent_families"]),
    ("Sociale dienst", "Service social", "Het OCMW helpt bij leefloon, schulden, huur en energie.",
     "Le CPAS aide pour le revenu d'intégration, les dettes, le loyer et l'énergie.", ["income_rights", "housing"], ["low_income"]),
    ("Digipunt", "Point numérique", "Hulp bij itsme, e-mail en je smartphone.", "Aide pour itsme, e-mail et smartphone.",
     ["digital_help"], ["older_people"]),
    ("Lokaal dienstencentrum", "Centre de services local", "Ontmoeting en warme maaltijden voor wie zich eenzaam voelt.",
     "Rencontres et repas chauds pour les personnes isolées.", ["social_isolation"], ["older_people", "isolated_people"]),
    ("Drinkwaterpunt", "Point d'eau potable", "Gratis kraantjeswater.", "Eau du robinet gratuite.", ["drinking_water"], []),
    ("Eerstelijnspsycholoog", "Psychologue de première ligne", "Gesprekken bij angst en depressie.",
     "Entretiens en cas d'anxiété et de dépression.", ["mental_health"], ["young_people"]),
    ("Huis van het Kind", "Maison de l'enfant", "Consultaties voor baby's en opvoedingsondersteuning.",
     "Consultations pour bébés et soutien à la parentalité.", ["parenting"], ["single_parent_families"]),
    ("Mantelzorgpunt", "Point aidants proches", "Steun en respijtzorg voor mantelzorgers.", "Soutien et répit pour les aidants.",
     ["family_carers"], ["family_carers"]),
    ("Drugpunt", "Point drogues", "Gesprekken over alcohol, drugs en gokken.", "Entretiens sur l'alcool, les drogues et le jeu.",
     ["addiction"], ["young_people"]),
]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]
services = []
for i in range(n):
    code, lat, lon = PLACES[i % len(PLACES)] if i % 10 else PLACES[7 + i % 19]
    nl, fr, dnl, dfr, themes, groups = KINDS[i % len(KINDS)]
    organization = "org-%d" % (i // 5)
    opens = random.choice([8, 9, 10, 13, 14])
    services.append({
        "id": "svc-%06d" % i, "name": "%s %d" % (nl, i), "status": "active",
        "organization": {"id": organization, "name": "Organisatie %d" % (i // 5)},
        "schedules": [{"id": "h-%d-%d" % (i, d), "freq": "WEEKLY", "byday": day, "opens_at": "%02d:00" % opens,
                       "closes_at": "%02d:00" % (opens + random.choice([2, 3, 4])), "zoneatlas": {"walk_in": d == 0}}
                      for d, day in enumerate(random.sample(DAYS, random.randint(1, 4)))],
        "service_areas": [{"id": "a-%d" % i, "name": code}],
        "languages": [{"id": "l-%d-%s" % (i, l), "code": l} for l in random.sample(["nl", "fr", "en", "ar", "tr"], 2)],
        "service_at_locations": [{"id": "sal-%d" % i, "location": {
            "id": "loc-%d" % i, "name": "%s %d" % (nl, i),
            "latitude": round(lat + random.uniform(-0.02, 0.02), 5), "longitude": round(lon + random.uniform(-0.03, 0.03), 5),
            "addresses": [{"id": "ad-%d" % i, "address_1": "Straat %d" % i, "city": "Plaats", "postal_code": "1000",
                           "country": "BE", "state_province": "", "address_type": "physical"}]}}],
        "attributes": [{"id": "t-%d-%s" % (i, t), "taxonomy_term": {"id": t, "taxonomy": "zoneatlas-themes"}} for t in themes] +
                      [{"id": "g-%d-%s" % (i, g), "taxonomy_term": {"id": g, "taxonomy": "zoneatlas-target-groups"}} for g in groups],
        "zoneatlas": {"name": {"nl": "%s %d" % (nl, i), "fr": "%s %d" % (fr, i)}, "description": {"nl": dnl, "fr": dfr},
                      "cost": random.choice(["free", "free", "reduced", "paid"]), "competent_level": "private"},
    })
json.dump(services, sys.stdout, ensure_ascii=False)
