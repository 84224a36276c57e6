"""The CBS codes of the municipalities in and around the Veenkoloniën, with the mergers that
happened since 2018, as CBS publishes them (checked against the list in shared/monitoring.md).

Used to key existing municipality rows on their code and by the demo. A municipality not listed
here gets its code from staff (admin) or from a measurement import.
"""

# name → (CBS code, province)
MUNICIPALITIES = {
    "Aa en Hunze": ("GM1680", "Drenthe"),
    "Assen": ("GM0106", "Drenthe"),
    "Borger-Odoorn": ("GM1681", "Drenthe"),
    "Coevorden": ("GM0109", "Drenthe"),
    "Eemsdelta": ("GM1979", "Groningen"),
    "Emmen": ("GM0114", "Drenthe"),
    "Groningen": ("GM0014", "Groningen"),
    "Midden-Drenthe": ("GM1731", "Drenthe"),
    "Midden-Groningen": ("GM1952", "Groningen"),
    "Oldambt": ("GM1895", "Groningen"),
    "Pekela": ("GM0765", "Groningen"),
    "Stadskanaal": ("GM0037", "Groningen"),
    "Tynaarlo": ("GM1730", "Drenthe"),
    "Veendam": ("GM0047", "Groningen"),
    "Westerwolde": ("GM1950", "Groningen"),
}

# former name → (CBS code, province, successor's name, year of the merger)
MERGED = {
    "Appingedam": ("GM0003", "Groningen", "Eemsdelta", 2021),
    "Delfzijl": ("GM0010", "Groningen", "Eemsdelta", 2021),
    "Loppersum": ("GM0024", "Groningen", "Eemsdelta", 2021),
    "Hoogezand-Sappemeer": ("GM0018", "Groningen", "Midden-Groningen", 2018),
    "Menterwolde": ("GM1987", "Groningen", "Midden-Groningen", 2018),
    "Slochteren": ("GM0040", "Groningen", "Midden-Groningen", 2018),
    "Bellingwedde": ("GM0007", "Groningen", "Westerwolde", 2018),
    "Vlagtwedde": ("GM0048", "Groningen", "Westerwolde", 2018),
}
