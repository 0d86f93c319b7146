// Generated from welsh.yml by the build (macros/welsh.py js_module): do not edit.
export default {
 "feminine_un_keeps": [
  "ll",
  "rh"
 ],
 "h_before_vowel": [
  "eu",
  "ein"
 ],
 "months": {
  "cy": [
   "Ionawr",
   "Chwefror",
   "Mawrth",
   "Ebrill",
   "Mai",
   "Mehefin",
   "Gorffennaf",
   "Awst",
   "Medi",
   "Hydref",
   "Tachwedd",
   "Rhagfyr"
  ],
  "en": [
   "January",
   "February",
   "March",
   "April",
   "May",
   "June",
   "July",
   "August",
   "September",
   "October",
   "November",
   "December"
  ]
 },
 "months_short": {
  "cy": [
   "Ion",
   "Chwef",
   "Maw",
   "Ebr",
   "Mai",
   "Meh",
   "Gorff",
   "Awst",
   "Medi",
   "Hyd",
   "Tach",
   "Rhag"
  ],
  "en": [
   "Jan",
   "Feb",
   "Mar",
   "Apr",
   "May",
   "Jun",
   "Jul",
   "Aug",
   "Sep",
   "Oct",
   "Nov",
   "Dec"
  ]
 },
 "mutating_names": [
  "Cyngor",
  "Cynghorau",
  "Cymru",
  "Comisiynydd",
  "Llywodraeth",
  "Gwynedd",
  "Gogledd",
  "Caernarfon",
  "Porthmadog",
  "Pwllheli",
  "Bangor",
  "Blaenau",
  "Dolgellau",
  "Tywyn",
  "Pen-y-groes",
  "Bethesda",
  "Bala",
  "Llandudno",
  "Conwy",
  "Caerdydd",
  "Powys",
  "Ceredigion",
  "Penrhyndeudraeth",
  "Cricieth",
  "Talysarn",
  "Deiniolen",
  "Trawsfynydd",
  "Tremadog"
 ],
 "mutations": {
  "b": {
   "nasal": "m",
   "soft": "f"
  },
  "c": {
   "aspirate": "ch",
   "nasal": "ngh",
   "soft": "g"
  },
  "d": {
   "nasal": "n",
   "soft": "dd"
  },
  "g": {
   "nasal": "ng",
   "soft": ""
  },
  "ll": {
   "soft": "l"
  },
  "m": {
   "soft": "f"
  },
  "p": {
   "aspirate": "ph",
   "nasal": "mh",
   "soft": "b"
  },
  "rh": {
   "soft": "r"
  },
  "t": {
   "aspirate": "th",
   "nasal": "nh",
   "soft": "d"
  }
 },
 "nasal_numerals": {
  "5": "pum",
  "7": "saith",
  "8": "wyth",
  "9": "naw",
  "10": "deng",
  "12": "deuddeng",
  "15": "pymtheng",
  "18": "deunaw",
  "20": "ugain",
  "40": "deugain",
  "100": "can"
 },
 "never_mutated": [
  "mewn",
  "mae",
  "mai",
  "maen",
  "pan",
  "tra",
  "byth",
  "beth",
  "dan",
  "dros",
  "drwy",
  "gan",
  "gyda",
  "gydag",
  "ger",
  "tua",
  "mi"
 ],
 "not_radical_starts": [
  "ch",
  "ph",
  "th",
  "dd",
  "ff",
  "ng"
 ],
 "nouns": {
  "case_study": {
   "cy": "astudiaeth achos",
   "en": [
    "case study",
    "case studies"
   ],
   "gender": "f"
  },
  "day": {
   "cy": "diwrnod",
   "en": [
    "day",
    "days"
   ],
   "gender": "m",
   "time": true
  },
  "hour": {
   "cy": "awr",
   "en": [
    "hour",
    "hours"
   ],
   "gender": "f"
  },
  "line": {
   "cy": "llinell",
   "en": [
    "line",
    "lines"
   ],
   "gender": "f"
  },
  "minute": {
   "cy": "munud",
   "en": [
    "minute",
    "minutes"
   ],
   "gender": "m"
  },
  "month": {
   "cy": "mis",
   "en": [
    "month",
    "months"
   ],
   "gender": "m"
  },
  "rating": {
   "cy": "sgôr",
   "en": [
    "rating",
    "ratings"
   ],
   "gender": "f"
  },
  "result": {
   "cy": "canlyniad",
   "en": [
    "result",
    "results"
   ],
   "gender": "m"
  },
  "rewrite": {
   "cy": "enghraifft",
   "en": [
    "rewrite",
    "rewrites"
   ],
   "gender": "f"
  },
  "saved_item": {
   "cy": "eitem",
   "en": [
    "saved item",
    "saved items"
   ],
   "gender": "f"
  },
  "statement": {
   "cy": "datganiad",
   "en": [
    "statement",
    "statements"
   ],
   "gender": "m"
  },
  "step": {
   "cy": "cam",
   "en": [
    "step",
    "steps"
   ],
   "gender": "m"
  },
  "workbook": {
   "cy": "llyfr gwaith",
   "en": [
    "workbook",
    "workbooks"
   ],
   "gender": "m"
  },
  "working_day": {
   "cy": "diwrnod gwaith",
   "en": [
    "working day",
    "working days"
   ],
   "gender": "m",
   "time": true
  },
  "year": {
   "after_ten": "nasal",
   "counted": "blynedd",
   "cy": "blwyddyn",
   "en": [
    "year",
    "years"
   ],
   "gender": "f",
   "time": true
  }
 },
 "numeral_words": {
  "12": "deuddeg",
  "15": "pymtheg",
  "18": "deunaw",
  "20": "ugain",
  "40": "deugain"
 },
 "numerals": {
  "1": {
   "f": [
    "un",
    "soft"
   ],
   "m": [
    "un",
    "none"
   ]
  },
  "2": {
   "f": [
    "dwy",
    "soft"
   ],
   "m": [
    "dau",
    "soft"
   ]
  },
  "3": {
   "f": [
    "tair",
    "none"
   ],
   "m": [
    "tri",
    "aspirate"
   ]
  },
  "4": {
   "f": [
    "pedair",
    "none"
   ],
   "m": [
    "pedwar",
    "none"
   ]
  },
  "5": {
   "f": [
    "pum",
    "none"
   ],
   "m": [
    "pum",
    "none"
   ]
  },
  "6": {
   "f": [
    "chwe",
    "aspirate"
   ],
   "m": [
    "chwe",
    "aspirate"
   ]
  },
  "7": {
   "f": [
    "saith",
    "none"
   ],
   "m": [
    "saith",
    "none"
   ]
  },
  "8": {
   "f": [
    "wyth",
    "none"
   ],
   "m": [
    "wyth",
    "none"
   ]
  },
  "9": {
   "f": [
    "naw",
    "none"
   ],
   "m": [
    "naw",
    "none"
   ]
  },
  "10": {
   "f": [
    "deg",
    "none"
   ],
   "m": [
    "deg",
    "none"
   ]
  }
 },
 "quotes": [
  "“",
  "”"
 ],
 "triggers": {
  "aspirate": [
   "a",
   "â",
   "gyda",
   "tua",
   "na",
   "tri",
   "chwe"
  ],
  "nasal": [
   "fy"
  ],
  "soft": [
   "i",
   "am",
   "ar",
   "at",
   "o",
   "dan",
   "heb",
   "gan",
   "wrth",
   "dros",
   "drwy",
   "trwy",
   "hyd",
   "neu",
   "dau",
   "dwy"
  ]
 },
 "vigesimal": {
  "11": [
   1,
   "ar ddeg"
  ],
  "12": [
   12
  ],
  "13": [
   3,
   "ar ddeg"
  ],
  "14": [
   4,
   "ar ddeg"
  ],
  "15": [
   15
  ],
  "16": [
   1,
   "ar bymtheg"
  ],
  "17": [
   2,
   "ar bymtheg"
  ],
  "18": [
   18
  ],
  "19": [
   4,
   "ar bymtheg"
  ],
  "20": [
   20
  ],
  "40": [
   40
  ]
 },
 "vowels": "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü",
 "weekdays": {
  "cy": [
   "dydd Llun",
   "dydd Mawrth",
   "dydd Mercher",
   "dydd Iau",
   "dydd Gwener",
   "dydd Sadwrn",
   "dydd Sul"
  ],
  "en": [
   "Monday",
   "Tuesday",
   "Wednesday",
   "Thursday",
   "Friday",
   "Saturday",
   "Sunday"
  ]
 }
};
