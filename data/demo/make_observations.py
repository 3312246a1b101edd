#!/usr/bin/env python3
"""Writes data/demo/observations-demo.csv: plausible demonstration values for every
imported indicator of the catalog, for the demo's municipalities and their district,
province and region, for 2022-2024.

These are NOT published figures. They are shaped like them (Flemish and Brussels
levels, an age structure that adds up, shares that sum to 100) so that every page,
export and chart has something to show, and `make demo` imports them with --demo so
that every page says they are demonstration values. Published figures, where we have
them, are in population-2018-2020.csv.

Run from the repository root: python3 data/demo/make_observations.py
"""
import csv, hashlib, json

catalog = json.load(open('data/atlas/indicators.json'))
areas = [r for r in csv.DictReader(open('data/demo/areas.csv')) if r['kind'] in ('municipality', 'arrondissement', 'province', 'region')]
published_2020 = {r['code']: int(r['population']) for r in areas if r['population']}
# Regions, province and districts: approximate totals for 1 January 2020.
published_2020.update({'02000': 6629143, '04000': 1218255, '20001': 1146175, '23000': 650150, '21000': 1218255})
land_km2 = {'23003': 30.0, '23098': 2.5, '23027': 44.4, '23100': 4.2, '23064': 45.9, '23101': 22.8, '23077': 40.4,
            '21001': 17.7, '21002': 9.0, '21003': 2.9, '21004': 32.6, '21005': 3.2, '21006': 5.0, '21007': 6.3,
            '21008': 2.5, '21009': 6.3, '21010': 5.0, '21011': 1.2, '21012': 5.9, '21013': 2.5, '21014': 1.1,
            '21015': 8.1, '21016': 22.9, '21017': 12.9, '21018': 7.2, '21019': 8.9,
            '02000': 13625.0, '04000': 161.4, '20001': 2118.0, '23000': 946.0, '21000': 161.4}
FACILITY = {'23098', '23100', '23101'}  # More residents from elsewhere in the EU.


def jitter(*key, spread=0.08):
    """A deterministic factor in [1 - spread, 1 + spread]."""
    h = int(hashlib.sha256('|'.join(key).encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return 1 + spread * (2 * h - 1)


def brussels(code):
    return code.startswith('21') or code == '04000'


# Indicators whose source covers Flanders only get no Brussels values: the atlas says
# "not measured in this region" there, as it would with published figures.
FLEMISH_ONLY = {i['id'] for i in catalog['indicators'] if i.get('regions') == ['flanders']}

rows = []
def put(code, indicator, period, value=None, numerator=None, denominator=None):
    if indicator in FLEMISH_ONLY and brussels(code):
        return
    rows.append([code, indicator, period, '' if value is None else value,
                 '' if numerator is None else numerator, '' if denominator is None else denominator])


for area in areas:
    code = area['code']
    bxl = brussels(code)
    for year in (2022, 2023, 2024):
        period = str(year)
        t = year - 2022
        pop = round(published_2020[code] * (1.006 if not bxl else 1.004) ** (year - 2020))
        j = lambda name, spread=0.08: jitter(code, name, spread=spread)
        # Age structure that adds up to the total.
        s0_2, s3_11, s12_17, s18_19 = (0.031, 0.095, 0.064, 0.021) if not bxl else (0.037, 0.107, 0.066, 0.022)
        s20_64 = (0.565 if not bxl else 0.628) * j('s20_64', 0.03)
        s65_79 = (0.155 if not bxl else 0.095) * j('s65_79', 0.12) * (1 + 0.01 * t)
        s80 = (0.067 if not bxl else 0.040) * j('s80', 0.15) * (1 + 0.012 * t)
        young = [s0_2, s3_11, s12_17, s18_19]
        scale = (1 - s20_64 - s65_79 - s80) / sum(young)
        young = [share * scale for share in young]
        band = lambda share: round(pop * share)
        p0_2, p3_11, p12_17, p18_19 = (band(s) for s in young)
        p20_64 = band(s20_64)
        p65_79 = band(s65_79)
        p80 = pop - p0_2 - p3_11 - p12_17 - p18_19 - p20_64 - p65_79
        p85 = round(p80 * 0.42)
        p15_24 = round(p12_17 * 0.5 + p18_19 + p20_64 * 0.11)
        p25_64 = round(p20_64 * 0.89)
        p55_64 = round(p20_64 * (0.24 if not bxl else 0.18) * j('p55'))
        counts = {'pop_total': pop, 'pop_0_2': p0_2, 'pop_3_11': p3_11, 'pop_12_17': p12_17, 'pop_0_19': p0_2 + p3_11 + p12_17 + p18_19,
                  'pop_15_24': p15_24, 'pop_20_64': p20_64, 'pop_25_64': p25_64, 'pop_55_64': p55_64, 'pop_65_79': p65_79,
                  'pop_65plus': p65_79 + p80, 'pop_80plus': p80, 'pop_85plus': p85,
                  'land_area_km2': land_km2[code]}
        eu = (0.06 if not bxl else 0.22) * (1.8 if code in FACILITY else 1) * j('eu', 0.3)
        non_eu = (0.05 if not bxl else 0.13) * j('noneu', 0.3)
        counts['pop_eu_nationality'] = round(pop * eu)
        counts['pop_non_eu_nationality'] = round(pop * non_eu)
        counts['pop_belgian'] = pop - counts['pop_eu_nationality'] - counts['pop_non_eu_nationality']
        counts['pop_non_belgian'] = counts['pop_eu_nationality'] + counts['pop_non_eu_nationality']
        counts['pop_foreign_at_birth'] = round(pop * (eu + non_eu) * 1.6)
        origin = {'neighbouring': 0.05, 'eu_other': 0.06, 'non_eu_europe': 0.02, 'maghreb': 0.035, 'turkey': 0.015,
                  'sub_saharan_africa': 0.02, 'asia': 0.015, 'americas_oceania': 0.006}
        if bxl:
            origin = {'neighbouring': 0.09, 'eu_other': 0.17, 'non_eu_europe': 0.04, 'maghreb': 0.17, 'turkey': 0.04,
                      'sub_saharan_africa': 0.08, 'asia': 0.04, 'americas_oceania': 0.02}
        foreign = 0
        for key, share in origin.items():
            n = round(pop * share * j('origin_' + key, 0.3))
            counts[f'origin_{key}_count'] = n
            foreign += n
        counts['origin_belgian_count'] = pop - foreign
        households = round(pop / ((2.35 if not bxl else 2.1) * j('hhsize', 0.05)))
        in_households = round(pop * 0.985)
        counts['households_total'] = households
        counts['persons_private_households'] = in_households
        lipro = {'single': 0.33 if not bxl else 0.46, 'married_no_children': 0.20 if not bxl else 0.11,
                 'married_children': 0.17 if not bxl else 0.13, 'cohabiting_no_children': 0.07 if not bxl else 0.06,
                 'cohabiting_children': 0.07 if not bxl else 0.05, 'single_parent': 0.09 if not bxl else 0.12}
        used = 0
        for key, share in lipro.items():
            n = round(households * share * j('lipro_' + key, 0.06))
            counts[f'hh_{key}'] = n
            used += n
        counts['hh_other'] = max(households - used, 0)
        sizes = {'2': 0.33 if not bxl else 0.25, '3': 0.14, '4': 0.12 if not bxl else 0.09, '5plus': 0.06 if not bxl else 0.07}
        for key, share in sizes.items():
            counts[f'hh_size_{key}'] = round(households * share * j('size_' + key, 0.06))
        counts['dwellings'] = round(households * 1.05)
        counts['social_rental_dwellings_count'] = round(households * (0.06 if not bxl else 0.075) * j('srd', 0.5))
        counts['social_housing_candidates'] = round(households * (0.055 if not bxl else 0.08) * j('cand', 0.3) * (1 + 0.03 * t))
        p65 = counts['pop_65plus']
        counts['eldercare_wzc'] = round(p65 * 0.052 * j('wzc', 0.4))
        counts['eldercare_cvk'] = round(p65 * 0.003 * j('cvk', 0.6))
        counts['eldercare_dvc'] = round(p65 * 0.0025 * j('dvc', 0.6))
        counts['eldercare_assisted_living'] = round(p65 * 0.02 * j('al', 0.5))
        counts['childcare_places_0_2'] = round(p0_2 * (0.45 if not bxl else 0.35) * j('cc', 0.25))
        counts['childcare_places_out_of_school'] = round(p3_11 * (0.22 if not bxl else 0.12) * j('bso', 0.3))
        counts['local_service_centres'] = max(1, round(p65 / 9000 * j('ldc', 0.3)))
        counts['homecare_hours'] = round(p65 * (4.2 if not bxl else 2.1) * j('hours', 0.3))
        for indicator, value in counts.items():
            put(code, indicator, period, value)

        # Rates: (Flemish level, Brussels level, denominator, yearly drift).
        insured = round(pop * 0.99)
        adults = pop - counts['pop_0_19'] + p18_19
        rate = lambda base_fl, base_bx, spread=0.12: (base_fl if not bxl else base_bx) * j('rate' + str(base_fl), spread)
        def share(indicator, percent, denominator, scale=100.0, drift=0.0):
            value = percent * (1 + drift * t)
            numerator = round(denominator * value / scale)
            put(code, indicator, period, round(numerator / denominator * scale, 4), numerator, denominator)
        share('chronic_status', rate(22.5, 19.0), insured, drift=0.01)
        share('diabetes_prev', rate(6.4, 7.6), insured, drift=0.02)
        share('dg_han_recognised', rate(2.0, 2.7), pop)
        share('care_budget_severe', rate(1.6, 0.4), pop, drift=0.02)
        share('care_budget_elderly', rate(6.0, 2.5), p65)
        share('care_budget_disability', rate(0.45, 0.15), pop, drift=0.05)
        share('gmd_coverage', rate(78, 56, 0.08), insured, drift=0.005)
        share('screen_breast', rate(61, 46, 0.1), round(pop * 0.135))
        share('screen_cervix', rate(60, 49, 0.1), round(pop * 0.27))
        share('screen_colorectal', rate(52, 18, 0.1), round(pop * 0.31), drift=0.01)
        # The same among people with verhoogde tegemoetkoming: markedly lower, as IMA shows.
        vt_share = 0.145 if not bxl else 0.28
        share('screen_breast_vt', rate(49, 35, 0.12), round(pop * 0.135 * vt_share))
        share('screen_cervix_vt', rate(47, 38, 0.12), round(pop * 0.27 * vt_share))
        share('screen_colorectal_vt', rate(39, 13, 0.12), round(pop * 0.31 * vt_share), drift=0.01)
        share('dental_visit', rate(61, 51, 0.08), insured)
        share('med_antibiotics', rate(34, 31, 0.1), insured, drift=-0.01)
        share('med_antidepressants', rate(14.5, 10.5, 0.12), adults, drift=0.01)
        share('med_antidementia', rate(2.1, 1.5, 0.2), p65)
        returns = round(pop * 0.56)
        share('income_mean_return', rate(37500, 30500, 0.15), returns, scale=1, drift=0.03)
        share('income_per_inhabitant', rate(21500, 15200, 0.15), pop, scale=1, drift=0.03)
        put(code, 'income_median_return', period, round(rate(28500, 21500, 0.12) * (1 + 0.03 * t)))
        share('increased_reimb', rate(14.5, 28.0, 0.25), pop, drift=0.01)
        share('leefloon', rate(5.0, 31.0, 0.5), pop, scale=1000, drift=0.02)
        p15_64 = round(p20_64 + p12_17 * 0.5 + p18_19 - p20_64 * 0.0)
        employed, jobseekers = rate(72.0, 58.0, 0.06), rate(4.2, 13.0, 0.3)
        share('socioecon_employed', employed, p15_64)
        share('socioecon_jobseekers', jobseekers, p15_64)
        share('socioecon_inactive', 100 - employed - jobseekers, p15_64)
        share('credit_arrears', rate(1.8, 3.4, 0.3), adults)
        share('energy_budget_meters', rate(1.4, 0.9, 0.4), households)
        share('energy_social_supplier', rate(2.6, 3.1, 0.3), households)
        share('energy_disconnections', rate(1.1, 0.6, 0.5), households, scale=1000)
        pupils = round((p3_11 + p12_17) * (0.97 if code not in FACILITY else 0.45))
        share('pupil_home_language', rate(18, 72, 0.4), pupils)
        share('pupil_mother_low_education', rate(15, 34, 0.3), pupils)
        share('pupil_school_allowance', rate(26, 52, 0.25), pupils)
        share('pupil_neighbourhood', rate(21, 58, 0.4), pupils)
        share('early_school_leavers', rate(7.0, 12.5, 0.3), max(round(p18_19 * 0.5), 10))
        low, high = rate(19.5, 27.0, 0.2), rate(43.0, 46.0, 0.15)
        share('education_low', low, p25_64)
        share('education_high', high, p25_64)
        share('education_mid', 100 - low - high, p25_64)
        put(code, 'built_up_share', period, None, round(land_km2[code] * rate(26, 68, 0.4) / 100, 3), land_km2[code])
        owner = rate(70.0, 39.0, 0.08)
        social = rate(5.5, 7.5, 0.5)
        share('tenure_owner', owner, households)
        share('tenure_social_tenant', social, households)
        share('tenure_private_tenant', 100 - owner - social, households)
        if not bxl:  # The binding social objective is Flemish.
            target = max(10, round(households * 0.02))
            put(code, 'bso_progress', period, None, round(target * rate(75, 75, 0.4) / 100 * (1 + 0.04 * t)), target)
        put(code, 'family_care_index', period, round(rate(24.0, 31.0, 0.15), 2))
        put(code, 'bel_score_homecare_65', period, round(rate(31.0, 29.0, 0.1), 1))

# Rows for the computed bso/built-up values: give the value too, rounded, as a file would.
for row in rows:
    if row[3] == '' and row[4] != '':
        scale = 100
        row[3] = round(float(row[4]) / float(row[5]) * scale, 4)

with open('data/demo/observations-demo.csv', 'w', newline='') as out:
    writer = csv.writer(out, lineterminator='\n')
    writer.writerow(['area_code', 'indicator', 'period', 'value', 'numerator', 'denominator'])
    writer.writerows(rows)
print(len(rows), 'rows')
