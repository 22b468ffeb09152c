var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// ../../node_modules/.pnpm/first-match@0.0.1/node_modules/first-match/index.js
var require_first_match = __commonJS({
  "../../node_modules/.pnpm/first-match@0.0.1/node_modules/first-match/index.js"(exports, module) {
    function truthy(d) {
      return d;
    }
    function first(array, callback, context) {
      var callback = callback || truthy, context = context || array, value;
      for (var i = 0, l = array.length; i < l; i += 1) {
        if (value = callback.call(context, array[i], i)) return array[i];
      }
    }
    module.exports = first;
  }
});

// ../../node_modules/.pnpm/nub@0.0.0/node_modules/nub/index.js
var require_nub = __commonJS({
  "../../node_modules/.pnpm/nub@0.0.0/node_modules/nub/index.js"(exports, module) {
    var nub = module.exports = function(xs, cmp) {
      if (typeof xs === "function" || cmp) {
        return nub.by(xs, cmp);
      }
      var keys = {
        "object": [],
        "function": [],
        "string": {},
        "number": {},
        "boolean": {},
        "undefined": {}
      };
      var res = [];
      for (var i = 0; i < xs.length; i++) {
        var x = xs[i];
        var recs = x === "__proto__" ? keys.objects : keys[typeof x] || keys.objects;
        if (Array.isArray(recs)) {
          if (recs.indexOf(x) < 0) {
            recs.push(x);
            res.push(x);
          }
        } else if (!Object.hasOwnProperty.call(recs, x)) {
          recs[x] = true;
          res.push(x);
        }
      }
      return res;
    };
    nub.by = function(xs, cmp) {
      if (typeof xs === "function") {
        var cmp_ = cmp;
        cmp = xs;
        xs = cmp_;
      }
      var res = [];
      for (var i = 0; i < xs.length; i++) {
        var x = xs[i];
        var found = false;
        for (var j = 0; j < res.length; j++) {
          var y = res[j];
          if (cmp.call(res, x, y)) {
            found = true;
            break;
          }
        }
        if (!found) res.push(x);
      }
      return res;
    };
  }
});

// ../../node_modules/.pnpm/currency-codes@2.2.0/node_modules/currency-codes/data.js
var require_data = __commonJS({
  "../../node_modules/.pnpm/currency-codes@2.2.0/node_modules/currency-codes/data.js"(exports, module) {
    module.exports = [
      {
        "code": "AED",
        "number": "784",
        "digits": 2,
        "currency": "UAE Dirham",
        "countries": [
          "United Arab Emirates (The)"
        ]
      },
      {
        "code": "AFN",
        "number": "971",
        "digits": 2,
        "currency": "Afghani",
        "countries": [
          "Afghanistan"
        ]
      },
      {
        "code": "ALL",
        "number": "008",
        "digits": 2,
        "currency": "Lek",
        "countries": [
          "Albania"
        ]
      },
      {
        "code": "AMD",
        "number": "051",
        "digits": 2,
        "currency": "Armenian Dram",
        "countries": [
          "Armenia"
        ]
      },
      {
        "code": "ANG",
        "number": "532",
        "digits": 2,
        "currency": "Netherlands Antillean Guilder",
        "countries": [
          "Cura\xE7ao",
          "Sint Maarten (Dutch Part)"
        ]
      },
      {
        "code": "AOA",
        "number": "973",
        "digits": 2,
        "currency": "Kwanza",
        "countries": [
          "Angola"
        ]
      },
      {
        "code": "ARS",
        "number": "032",
        "digits": 2,
        "currency": "Argentine Peso",
        "countries": [
          "Argentina"
        ]
      },
      {
        "code": "AUD",
        "number": "036",
        "digits": 2,
        "currency": "Australian Dollar",
        "countries": [
          "Australia",
          "Christmas Island",
          "Cocos (Keeling) Islands (The)",
          "Heard Island and Mcdonald Islands",
          "Kiribati",
          "Nauru",
          "Norfolk Island",
          "Tuvalu"
        ]
      },
      {
        "code": "AWG",
        "number": "533",
        "digits": 2,
        "currency": "Aruban Florin",
        "countries": [
          "Aruba"
        ]
      },
      {
        "code": "AZN",
        "number": "944",
        "digits": 2,
        "currency": "Azerbaijan Manat",
        "countries": [
          "Azerbaijan"
        ]
      },
      {
        "code": "BAM",
        "number": "977",
        "digits": 2,
        "currency": "Convertible Mark",
        "countries": [
          "Bosnia and Herzegovina"
        ]
      },
      {
        "code": "BBD",
        "number": "052",
        "digits": 2,
        "currency": "Barbados Dollar",
        "countries": [
          "Barbados"
        ]
      },
      {
        "code": "BDT",
        "number": "050",
        "digits": 2,
        "currency": "Taka",
        "countries": [
          "Bangladesh"
        ]
      },
      {
        "code": "BGN",
        "number": "975",
        "digits": 2,
        "currency": "Bulgarian Lev",
        "countries": [
          "Bulgaria"
        ]
      },
      {
        "code": "BHD",
        "number": "048",
        "digits": 3,
        "currency": "Bahraini Dinar",
        "countries": [
          "Bahrain"
        ]
      },
      {
        "code": "BIF",
        "number": "108",
        "digits": 0,
        "currency": "Burundi Franc",
        "countries": [
          "Burundi"
        ]
      },
      {
        "code": "BMD",
        "number": "060",
        "digits": 2,
        "currency": "Bermudian Dollar",
        "countries": [
          "Bermuda"
        ]
      },
      {
        "code": "BND",
        "number": "096",
        "digits": 2,
        "currency": "Brunei Dollar",
        "countries": [
          "Brunei Darussalam"
        ]
      },
      {
        "code": "BOB",
        "number": "068",
        "digits": 2,
        "currency": "Boliviano",
        "countries": [
          "Bolivia (Plurinational State Of)"
        ]
      },
      {
        "code": "BOV",
        "number": "984",
        "digits": 2,
        "currency": "Mvdol",
        "countries": [
          "Bolivia (Plurinational State Of)"
        ]
      },
      {
        "code": "BRL",
        "number": "986",
        "digits": 2,
        "currency": "Brazilian Real",
        "countries": [
          "Brazil"
        ]
      },
      {
        "code": "BSD",
        "number": "044",
        "digits": 2,
        "currency": "Bahamian Dollar",
        "countries": [
          "Bahamas (The)"
        ]
      },
      {
        "code": "BTN",
        "number": "064",
        "digits": 2,
        "currency": "Ngultrum",
        "countries": [
          "Bhutan"
        ]
      },
      {
        "code": "BWP",
        "number": "072",
        "digits": 2,
        "currency": "Pula",
        "countries": [
          "Botswana"
        ]
      },
      {
        "code": "BYN",
        "number": "933",
        "digits": 2,
        "currency": "Belarusian Ruble",
        "countries": [
          "Belarus"
        ]
      },
      {
        "code": "BZD",
        "number": "084",
        "digits": 2,
        "currency": "Belize Dollar",
        "countries": [
          "Belize"
        ]
      },
      {
        "code": "CAD",
        "number": "124",
        "digits": 2,
        "currency": "Canadian Dollar",
        "countries": [
          "Canada"
        ]
      },
      {
        "code": "CDF",
        "number": "976",
        "digits": 2,
        "currency": "Congolese Franc",
        "countries": [
          "Congo (The Democratic Republic of The)"
        ]
      },
      {
        "code": "CHE",
        "number": "947",
        "digits": 2,
        "currency": "WIR Euro",
        "countries": [
          "Switzerland"
        ]
      },
      {
        "code": "CHF",
        "number": "756",
        "digits": 2,
        "currency": "Swiss Franc",
        "countries": [
          "Liechtenstein",
          "Switzerland"
        ]
      },
      {
        "code": "CHW",
        "number": "948",
        "digits": 2,
        "currency": "WIR Franc",
        "countries": [
          "Switzerland"
        ]
      },
      {
        "code": "CLF",
        "number": "990",
        "digits": 4,
        "currency": "Unidad de Fomento",
        "countries": [
          "Chile"
        ]
      },
      {
        "code": "CLP",
        "number": "152",
        "digits": 0,
        "currency": "Chilean Peso",
        "countries": [
          "Chile"
        ]
      },
      {
        "code": "CNY",
        "number": "156",
        "digits": 2,
        "currency": "Yuan Renminbi",
        "countries": [
          "China"
        ]
      },
      {
        "code": "COP",
        "number": "170",
        "digits": 2,
        "currency": "Colombian Peso",
        "countries": [
          "Colombia"
        ]
      },
      {
        "code": "COU",
        "number": "970",
        "digits": 2,
        "currency": "Unidad de Valor Real",
        "countries": [
          "Colombia"
        ]
      },
      {
        "code": "CRC",
        "number": "188",
        "digits": 2,
        "currency": "Costa Rican Colon",
        "countries": [
          "Costa Rica"
        ]
      },
      {
        "code": "CUC",
        "number": "931",
        "digits": 2,
        "currency": "Peso Convertible",
        "countries": [
          "Cuba"
        ]
      },
      {
        "code": "CUP",
        "number": "192",
        "digits": 2,
        "currency": "Cuban Peso",
        "countries": [
          "Cuba"
        ]
      },
      {
        "code": "CVE",
        "number": "132",
        "digits": 2,
        "currency": "Cabo Verde Escudo",
        "countries": [
          "Cabo Verde"
        ]
      },
      {
        "code": "CZK",
        "number": "203",
        "digits": 2,
        "currency": "Czech Koruna",
        "countries": [
          "Czechia"
        ]
      },
      {
        "code": "DJF",
        "number": "262",
        "digits": 0,
        "currency": "Djibouti Franc",
        "countries": [
          "Djibouti"
        ]
      },
      {
        "code": "DKK",
        "number": "208",
        "digits": 2,
        "currency": "Danish Krone",
        "countries": [
          "Denmark",
          "Faroe Islands (The)",
          "Greenland"
        ]
      },
      {
        "code": "DOP",
        "number": "214",
        "digits": 2,
        "currency": "Dominican Peso",
        "countries": [
          "Dominican Republic (The)"
        ]
      },
      {
        "code": "DZD",
        "number": "012",
        "digits": 2,
        "currency": "Algerian Dinar",
        "countries": [
          "Algeria"
        ]
      },
      {
        "code": "EGP",
        "number": "818",
        "digits": 2,
        "currency": "Egyptian Pound",
        "countries": [
          "Egypt"
        ]
      },
      {
        "code": "ERN",
        "number": "232",
        "digits": 2,
        "currency": "Nakfa",
        "countries": [
          "Eritrea"
        ]
      },
      {
        "code": "ETB",
        "number": "230",
        "digits": 2,
        "currency": "Ethiopian Birr",
        "countries": [
          "Ethiopia"
        ]
      },
      {
        "code": "EUR",
        "number": "978",
        "digits": 2,
        "currency": "Euro",
        "countries": [
          "\xC5land Islands",
          "Andorra",
          "Austria",
          "Belgium",
          "Croatia",
          "Cyprus",
          "Estonia",
          "European Union",
          "Finland",
          "France",
          "French Guiana",
          "French Southern Territories (The)",
          "Germany",
          "Greece",
          "Guadeloupe",
          "Holy See (The)",
          "Ireland",
          "Italy",
          "Latvia",
          "Lithuania",
          "Luxembourg",
          "Malta",
          "Martinique",
          "Mayotte",
          "Monaco",
          "Montenegro",
          "Netherlands (The)",
          "Portugal",
          "R\xE9union",
          "Saint Barth\xE9lemy",
          "Saint Martin (French Part)",
          "Saint Pierre and Miquelon",
          "San Marino",
          "Slovakia",
          "Slovenia",
          "Spain"
        ]
      },
      {
        "code": "FJD",
        "number": "242",
        "digits": 2,
        "currency": "Fiji Dollar",
        "countries": [
          "Fiji"
        ]
      },
      {
        "code": "FKP",
        "number": "238",
        "digits": 2,
        "currency": "Falkland Islands Pound",
        "countries": [
          "Falkland Islands (The) [Malvinas]"
        ]
      },
      {
        "code": "GBP",
        "number": "826",
        "digits": 2,
        "currency": "Pound Sterling",
        "countries": [
          "Guernsey",
          "Isle of Man",
          "Jersey",
          "United Kingdom of Great Britain and Northern Ireland (The)"
        ]
      },
      {
        "code": "GEL",
        "number": "981",
        "digits": 2,
        "currency": "Lari",
        "countries": [
          "Georgia"
        ]
      },
      {
        "code": "GHS",
        "number": "936",
        "digits": 2,
        "currency": "Ghana Cedi",
        "countries": [
          "Ghana"
        ]
      },
      {
        "code": "GIP",
        "number": "292",
        "digits": 2,
        "currency": "Gibraltar Pound",
        "countries": [
          "Gibraltar"
        ]
      },
      {
        "code": "GMD",
        "number": "270",
        "digits": 2,
        "currency": "Dalasi",
        "countries": [
          "Gambia (The)"
        ]
      },
      {
        "code": "GNF",
        "number": "324",
        "digits": 0,
        "currency": "Guinean Franc",
        "countries": [
          "Guinea"
        ]
      },
      {
        "code": "GTQ",
        "number": "320",
        "digits": 2,
        "currency": "Quetzal",
        "countries": [
          "Guatemala"
        ]
      },
      {
        "code": "GYD",
        "number": "328",
        "digits": 2,
        "currency": "Guyana Dollar",
        "countries": [
          "Guyana"
        ]
      },
      {
        "code": "HKD",
        "number": "344",
        "digits": 2,
        "currency": "Hong Kong Dollar",
        "countries": [
          "Hong Kong"
        ]
      },
      {
        "code": "HNL",
        "number": "340",
        "digits": 2,
        "currency": "Lempira",
        "countries": [
          "Honduras"
        ]
      },
      {
        "code": "HTG",
        "number": "332",
        "digits": 2,
        "currency": "Gourde",
        "countries": [
          "Haiti"
        ]
      },
      {
        "code": "HUF",
        "number": "348",
        "digits": 2,
        "currency": "Forint",
        "countries": [
          "Hungary"
        ]
      },
      {
        "code": "IDR",
        "number": "360",
        "digits": 2,
        "currency": "Rupiah",
        "countries": [
          "Indonesia"
        ]
      },
      {
        "code": "ILS",
        "number": "376",
        "digits": 2,
        "currency": "New Israeli Sheqel",
        "countries": [
          "Israel"
        ]
      },
      {
        "code": "INR",
        "number": "356",
        "digits": 2,
        "currency": "Indian Rupee",
        "countries": [
          "Bhutan",
          "India"
        ]
      },
      {
        "code": "IQD",
        "number": "368",
        "digits": 3,
        "currency": "Iraqi Dinar",
        "countries": [
          "Iraq"
        ]
      },
      {
        "code": "IRR",
        "number": "364",
        "digits": 2,
        "currency": "Iranian Rial",
        "countries": [
          "Iran (Islamic Republic Of)"
        ]
      },
      {
        "code": "ISK",
        "number": "352",
        "digits": 0,
        "currency": "Iceland Krona",
        "countries": [
          "Iceland"
        ]
      },
      {
        "code": "JMD",
        "number": "388",
        "digits": 2,
        "currency": "Jamaican Dollar",
        "countries": [
          "Jamaica"
        ]
      },
      {
        "code": "JOD",
        "number": "400",
        "digits": 3,
        "currency": "Jordanian Dinar",
        "countries": [
          "Jordan"
        ]
      },
      {
        "code": "JPY",
        "number": "392",
        "digits": 0,
        "currency": "Yen",
        "countries": [
          "Japan"
        ]
      },
      {
        "code": "KES",
        "number": "404",
        "digits": 2,
        "currency": "Kenyan Shilling",
        "countries": [
          "Kenya"
        ]
      },
      {
        "code": "KGS",
        "number": "417",
        "digits": 2,
        "currency": "Som",
        "countries": [
          "Kyrgyzstan"
        ]
      },
      {
        "code": "KHR",
        "number": "116",
        "digits": 2,
        "currency": "Riel",
        "countries": [
          "Cambodia"
        ]
      },
      {
        "code": "KMF",
        "number": "174",
        "digits": 0,
        "currency": "Comorian Franc ",
        "countries": [
          "Comoros (The)"
        ]
      },
      {
        "code": "KPW",
        "number": "408",
        "digits": 2,
        "currency": "North Korean Won",
        "countries": [
          "Korea (The Democratic People\u2019s Republic Of)"
        ]
      },
      {
        "code": "KRW",
        "number": "410",
        "digits": 0,
        "currency": "Won",
        "countries": [
          "Korea (The Republic Of)"
        ]
      },
      {
        "code": "KWD",
        "number": "414",
        "digits": 3,
        "currency": "Kuwaiti Dinar",
        "countries": [
          "Kuwait"
        ]
      },
      {
        "code": "KYD",
        "number": "136",
        "digits": 2,
        "currency": "Cayman Islands Dollar",
        "countries": [
          "Cayman Islands (The)"
        ]
      },
      {
        "code": "KZT",
        "number": "398",
        "digits": 2,
        "currency": "Tenge",
        "countries": [
          "Kazakhstan"
        ]
      },
      {
        "code": "LAK",
        "number": "418",
        "digits": 2,
        "currency": "Lao Kip",
        "countries": [
          "Lao People\u2019s Democratic Republic (The)"
        ]
      },
      {
        "code": "LBP",
        "number": "422",
        "digits": 2,
        "currency": "Lebanese Pound",
        "countries": [
          "Lebanon"
        ]
      },
      {
        "code": "LKR",
        "number": "144",
        "digits": 2,
        "currency": "Sri Lanka Rupee",
        "countries": [
          "Sri Lanka"
        ]
      },
      {
        "code": "LRD",
        "number": "430",
        "digits": 2,
        "currency": "Liberian Dollar",
        "countries": [
          "Liberia"
        ]
      },
      {
        "code": "LSL",
        "number": "426",
        "digits": 2,
        "currency": "Loti",
        "countries": [
          "Lesotho"
        ]
      },
      {
        "code": "LYD",
        "number": "434",
        "digits": 3,
        "currency": "Libyan Dinar",
        "countries": [
          "Libya"
        ]
      },
      {
        "code": "MAD",
        "number": "504",
        "digits": 2,
        "currency": "Moroccan Dirham",
        "countries": [
          "Morocco",
          "Western Sahara"
        ]
      },
      {
        "code": "MDL",
        "number": "498",
        "digits": 2,
        "currency": "Moldovan Leu",
        "countries": [
          "Moldova (The Republic Of)"
        ]
      },
      {
        "code": "MGA",
        "number": "969",
        "digits": 2,
        "currency": "Malagasy Ariary",
        "countries": [
          "Madagascar"
        ]
      },
      {
        "code": "MKD",
        "number": "807",
        "digits": 2,
        "currency": "Denar",
        "countries": [
          "North Macedonia"
        ]
      },
      {
        "code": "MMK",
        "number": "104",
        "digits": 2,
        "currency": "Kyat",
        "countries": [
          "Myanmar"
        ]
      },
      {
        "code": "MNT",
        "number": "496",
        "digits": 2,
        "currency": "Tugrik",
        "countries": [
          "Mongolia"
        ]
      },
      {
        "code": "MOP",
        "number": "446",
        "digits": 2,
        "currency": "Pataca",
        "countries": [
          "Macao"
        ]
      },
      {
        "code": "MRU",
        "number": "929",
        "digits": 2,
        "currency": "Ouguiya",
        "countries": [
          "Mauritania"
        ]
      },
      {
        "code": "MUR",
        "number": "480",
        "digits": 2,
        "currency": "Mauritius Rupee",
        "countries": [
          "Mauritius"
        ]
      },
      {
        "code": "MVR",
        "number": "462",
        "digits": 2,
        "currency": "Rufiyaa",
        "countries": [
          "Maldives"
        ]
      },
      {
        "code": "MWK",
        "number": "454",
        "digits": 2,
        "currency": "Malawi Kwacha",
        "countries": [
          "Malawi"
        ]
      },
      {
        "code": "MXN",
        "number": "484",
        "digits": 2,
        "currency": "Mexican Peso",
        "countries": [
          "Mexico"
        ]
      },
      {
        "code": "MXV",
        "number": "979",
        "digits": 2,
        "currency": "Mexican Unidad de Inversion (UDI)",
        "countries": [
          "Mexico"
        ]
      },
      {
        "code": "MYR",
        "number": "458",
        "digits": 2,
        "currency": "Malaysian Ringgit",
        "countries": [
          "Malaysia"
        ]
      },
      {
        "code": "MZN",
        "number": "943",
        "digits": 2,
        "currency": "Mozambique Metical",
        "countries": [
          "Mozambique"
        ]
      },
      {
        "code": "NAD",
        "number": "516",
        "digits": 2,
        "currency": "Namibia Dollar",
        "countries": [
          "Namibia"
        ]
      },
      {
        "code": "NGN",
        "number": "566",
        "digits": 2,
        "currency": "Naira",
        "countries": [
          "Nigeria"
        ]
      },
      {
        "code": "NIO",
        "number": "558",
        "digits": 2,
        "currency": "Cordoba Oro",
        "countries": [
          "Nicaragua"
        ]
      },
      {
        "code": "NOK",
        "number": "578",
        "digits": 2,
        "currency": "Norwegian Krone",
        "countries": [
          "Bouvet Island",
          "Norway",
          "Svalbard and Jan Mayen"
        ]
      },
      {
        "code": "NPR",
        "number": "524",
        "digits": 2,
        "currency": "Nepalese Rupee",
        "countries": [
          "Nepal"
        ]
      },
      {
        "code": "NZD",
        "number": "554",
        "digits": 2,
        "currency": "New Zealand Dollar",
        "countries": [
          "Cook Islands (The)",
          "New Zealand",
          "Niue",
          "Pitcairn",
          "Tokelau"
        ]
      },
      {
        "code": "OMR",
        "number": "512",
        "digits": 3,
        "currency": "Rial Omani",
        "countries": [
          "Oman"
        ]
      },
      {
        "code": "PAB",
        "number": "590",
        "digits": 2,
        "currency": "Balboa",
        "countries": [
          "Panama"
        ]
      },
      {
        "code": "PEN",
        "number": "604",
        "digits": 2,
        "currency": "Sol",
        "countries": [
          "Peru"
        ]
      },
      {
        "code": "PGK",
        "number": "598",
        "digits": 2,
        "currency": "Kina",
        "countries": [
          "Papua New Guinea"
        ]
      },
      {
        "code": "PHP",
        "number": "608",
        "digits": 2,
        "currency": "Philippine Peso",
        "countries": [
          "Philippines (The)"
        ]
      },
      {
        "code": "PKR",
        "number": "586",
        "digits": 2,
        "currency": "Pakistan Rupee",
        "countries": [
          "Pakistan"
        ]
      },
      {
        "code": "PLN",
        "number": "985",
        "digits": 2,
        "currency": "Zloty",
        "countries": [
          "Poland"
        ]
      },
      {
        "code": "PYG",
        "number": "600",
        "digits": 0,
        "currency": "Guarani",
        "countries": [
          "Paraguay"
        ]
      },
      {
        "code": "QAR",
        "number": "634",
        "digits": 2,
        "currency": "Qatari Rial",
        "countries": [
          "Qatar"
        ]
      },
      {
        "code": "RON",
        "number": "946",
        "digits": 2,
        "currency": "Romanian Leu",
        "countries": [
          "Romania"
        ]
      },
      {
        "code": "RSD",
        "number": "941",
        "digits": 2,
        "currency": "Serbian Dinar",
        "countries": [
          "Serbia"
        ]
      },
      {
        "code": "RUB",
        "number": "643",
        "digits": 2,
        "currency": "Russian Ruble",
        "countries": [
          "Russian Federation (The)"
        ]
      },
      {
        "code": "RWF",
        "number": "646",
        "digits": 0,
        "currency": "Rwanda Franc",
        "countries": [
          "Rwanda"
        ]
      },
      {
        "code": "SAR",
        "number": "682",
        "digits": 2,
        "currency": "Saudi Riyal",
        "countries": [
          "Saudi Arabia"
        ]
      },
      {
        "code": "SBD",
        "number": "090",
        "digits": 2,
        "currency": "Solomon Islands Dollar",
        "countries": [
          "Solomon Islands"
        ]
      },
      {
        "code": "SCR",
        "number": "690",
        "digits": 2,
        "currency": "Seychelles Rupee",
        "countries": [
          "Seychelles"
        ]
      },
      {
        "code": "SDG",
        "number": "938",
        "digits": 2,
        "currency": "Sudanese Pound",
        "countries": [
          "Sudan (The)"
        ]
      },
      {
        "code": "SEK",
        "number": "752",
        "digits": 2,
        "currency": "Swedish Krona",
        "countries": [
          "Sweden"
        ]
      },
      {
        "code": "SGD",
        "number": "702",
        "digits": 2,
        "currency": "Singapore Dollar",
        "countries": [
          "Singapore"
        ]
      },
      {
        "code": "SHP",
        "number": "654",
        "digits": 2,
        "currency": "Saint Helena Pound",
        "countries": [
          "Saint Helena, Ascension and Tristan Da Cunha"
        ]
      },
      {
        "code": "SLE",
        "number": "925",
        "digits": 2,
        "currency": "Leone",
        "countries": [
          "Sierra Leone"
        ]
      },
      {
        "code": "SOS",
        "number": "706",
        "digits": 2,
        "currency": "Somali Shilling",
        "countries": [
          "Somalia"
        ]
      },
      {
        "code": "SRD",
        "number": "968",
        "digits": 2,
        "currency": "Surinam Dollar",
        "countries": [
          "Suriname"
        ]
      },
      {
        "code": "SSP",
        "number": "728",
        "digits": 2,
        "currency": "South Sudanese Pound",
        "countries": [
          "South Sudan"
        ]
      },
      {
        "code": "STN",
        "number": "930",
        "digits": 2,
        "currency": "Dobra",
        "countries": [
          "Sao Tome and Principe"
        ]
      },
      {
        "code": "SVC",
        "number": "222",
        "digits": 2,
        "currency": "El Salvador Colon",
        "countries": [
          "El Salvador"
        ]
      },
      {
        "code": "SYP",
        "number": "760",
        "digits": 2,
        "currency": "Syrian Pound",
        "countries": [
          "Syrian Arab Republic"
        ]
      },
      {
        "code": "SZL",
        "number": "748",
        "digits": 2,
        "currency": "Lilangeni",
        "countries": [
          "Eswatini"
        ]
      },
      {
        "code": "THB",
        "number": "764",
        "digits": 2,
        "currency": "Baht",
        "countries": [
          "Thailand"
        ]
      },
      {
        "code": "TJS",
        "number": "972",
        "digits": 2,
        "currency": "Somoni",
        "countries": [
          "Tajikistan"
        ]
      },
      {
        "code": "TMT",
        "number": "934",
        "digits": 2,
        "currency": "Turkmenistan New Manat",
        "countries": [
          "Turkmenistan"
        ]
      },
      {
        "code": "TND",
        "number": "788",
        "digits": 3,
        "currency": "Tunisian Dinar",
        "countries": [
          "Tunisia"
        ]
      },
      {
        "code": "TOP",
        "number": "776",
        "digits": 2,
        "currency": "Pa\u2019anga",
        "countries": [
          "Tonga"
        ]
      },
      {
        "code": "TRY",
        "number": "949",
        "digits": 2,
        "currency": "Turkish Lira",
        "countries": [
          "T\xFCrki\u0307ye"
        ]
      },
      {
        "code": "TTD",
        "number": "780",
        "digits": 2,
        "currency": "Trinidad and Tobago Dollar",
        "countries": [
          "Trinidad and Tobago"
        ]
      },
      {
        "code": "TWD",
        "number": "901",
        "digits": 2,
        "currency": "New Taiwan Dollar",
        "countries": [
          "Taiwan (Province of China)"
        ]
      },
      {
        "code": "TZS",
        "number": "834",
        "digits": 2,
        "currency": "Tanzanian Shilling",
        "countries": [
          "Tanzania, United Republic Of"
        ]
      },
      {
        "code": "UAH",
        "number": "980",
        "digits": 2,
        "currency": "Hryvnia",
        "countries": [
          "Ukraine"
        ]
      },
      {
        "code": "UGX",
        "number": "800",
        "digits": 0,
        "currency": "Uganda Shilling",
        "countries": [
          "Uganda"
        ]
      },
      {
        "code": "USD",
        "number": "840",
        "digits": 2,
        "currency": "US Dollar",
        "countries": [
          "American Samoa",
          "Bonaire, Sint Eustatius and Saba",
          "British Indian Ocean Territory (The)",
          "Ecuador",
          "El Salvador",
          "Guam",
          "Haiti",
          "Marshall Islands (The)",
          "Micronesia (Federated States Of)",
          "Northern Mariana Islands (The)",
          "Palau",
          "Panama",
          "Puerto Rico",
          "Timor-Leste",
          "Turks and Caicos Islands (The)",
          "United States Minor Outlying Islands (The)",
          "United States of America (The)",
          "Virgin Islands (British)",
          "Virgin Islands (u.s.)"
        ]
      },
      {
        "code": "USN",
        "number": "997",
        "digits": 2,
        "currency": "US Dollar (Next day)",
        "countries": [
          "United States of America (The)"
        ]
      },
      {
        "code": "UYI",
        "number": "940",
        "digits": 0,
        "currency": "Uruguay Peso en Unidades Indexadas (UI)",
        "countries": [
          "Uruguay"
        ]
      },
      {
        "code": "UYU",
        "number": "858",
        "digits": 2,
        "currency": "Peso Uruguayo",
        "countries": [
          "Uruguay"
        ]
      },
      {
        "code": "UYW",
        "number": "927",
        "digits": 4,
        "currency": "Unidad Previsional",
        "countries": [
          "Uruguay"
        ]
      },
      {
        "code": "UZS",
        "number": "860",
        "digits": 2,
        "currency": "Uzbekistan Sum",
        "countries": [
          "Uzbekistan"
        ]
      },
      {
        "code": "VED",
        "number": "926",
        "digits": 2,
        "currency": "Bol\xEDvar Soberano",
        "countries": [
          "Venezuela (Bolivarian Republic Of)"
        ]
      },
      {
        "code": "VES",
        "number": "928",
        "digits": 2,
        "currency": "Bol\xEDvar Soberano",
        "countries": [
          "Venezuela (Bolivarian Republic Of)"
        ]
      },
      {
        "code": "VND",
        "number": "704",
        "digits": 0,
        "currency": "Dong",
        "countries": [
          "Viet Nam"
        ]
      },
      {
        "code": "VUV",
        "number": "548",
        "digits": 0,
        "currency": "Vatu",
        "countries": [
          "Vanuatu"
        ]
      },
      {
        "code": "WST",
        "number": "882",
        "digits": 2,
        "currency": "Tala",
        "countries": [
          "Samoa"
        ]
      },
      {
        "code": "XAF",
        "number": "950",
        "digits": 0,
        "currency": "CFA Franc BEAC",
        "countries": [
          "Cameroon",
          "Central African Republic (The)",
          "Chad",
          "Congo (The)",
          "Equatorial Guinea",
          "Gabon"
        ]
      },
      {
        "code": "XAG",
        "number": "961",
        "digits": 0,
        "currency": "Silver",
        "countries": [
          "Zz11_silver"
        ]
      },
      {
        "code": "XAU",
        "number": "959",
        "digits": 0,
        "currency": "Gold",
        "countries": [
          "Zz08_gold"
        ]
      },
      {
        "code": "XBA",
        "number": "955",
        "digits": 0,
        "currency": "Bond Markets Unit European Composite Unit (EURCO)",
        "countries": [
          "Zz01_bond Markets Unit European_eurco"
        ]
      },
      {
        "code": "XBB",
        "number": "956",
        "digits": 0,
        "currency": "Bond Markets Unit European Monetary Unit (E.M.U.-6)",
        "countries": [
          "Zz02_bond Markets Unit European_emu-6"
        ]
      },
      {
        "code": "XBC",
        "number": "957",
        "digits": 0,
        "currency": "Bond Markets Unit European Unit of Account 9 (E.U.A.-9)",
        "countries": [
          "Zz03_bond Markets Unit European_eua-9"
        ]
      },
      {
        "code": "XBD",
        "number": "958",
        "digits": 0,
        "currency": "Bond Markets Unit European Unit of Account 17 (E.U.A.-17)",
        "countries": [
          "Zz04_bond Markets Unit European_eua-17"
        ]
      },
      {
        "code": "XCD",
        "number": "951",
        "digits": 2,
        "currency": "East Caribbean Dollar",
        "countries": [
          "Anguilla",
          "Antigua and Barbuda",
          "Dominica",
          "Grenada",
          "Montserrat",
          "Saint Kitts and Nevis",
          "Saint Lucia",
          "Saint Vincent and the Grenadines"
        ]
      },
      {
        "code": "XDR",
        "number": "960",
        "digits": 0,
        "currency": "SDR (Special Drawing Right)",
        "countries": [
          "International Monetary Fund (Imf)\xA0"
        ]
      },
      {
        "code": "XOF",
        "number": "952",
        "digits": 0,
        "currency": "CFA Franc BCEAO",
        "countries": [
          "Benin",
          "Burkina Faso",
          "C\xF4te D'ivoire",
          "Guinea-Bissau",
          "Mali",
          "Niger (The)",
          "Senegal",
          "Togo"
        ]
      },
      {
        "code": "XPD",
        "number": "964",
        "digits": 0,
        "currency": "Palladium",
        "countries": [
          "Zz09_palladium"
        ]
      },
      {
        "code": "XPF",
        "number": "953",
        "digits": 0,
        "currency": "CFP Franc",
        "countries": [
          "French Polynesia",
          "New Caledonia",
          "Wallis and Futuna"
        ]
      },
      {
        "code": "XPT",
        "number": "962",
        "digits": 0,
        "currency": "Platinum",
        "countries": [
          "Zz10_platinum"
        ]
      },
      {
        "code": "XSU",
        "number": "994",
        "digits": 0,
        "currency": "Sucre",
        "countries": [
          'Sistema Unitario De Compensacion Regional De Pagos "Sucre"'
        ]
      },
      {
        "code": "XTS",
        "number": "963",
        "digits": 0,
        "currency": "Codes specifically reserved for testing purposes",
        "countries": [
          "Zz06_testing_code"
        ]
      },
      {
        "code": "XUA",
        "number": "965",
        "digits": 0,
        "currency": "ADB Unit of Account",
        "countries": [
          "Member Countries of the African Development Bank Group"
        ]
      },
      {
        "code": "XXX",
        "number": "999",
        "digits": 0,
        "currency": "The codes assigned for transactions where no currency is involved",
        "countries": [
          "Zz07_no_currency"
        ]
      },
      {
        "code": "YER",
        "number": "886",
        "digits": 2,
        "currency": "Yemeni Rial",
        "countries": [
          "Yemen"
        ]
      },
      {
        "code": "ZAR",
        "number": "710",
        "digits": 2,
        "currency": "Rand",
        "countries": [
          "Lesotho",
          "Namibia",
          "South Africa"
        ]
      },
      {
        "code": "ZMW",
        "number": "967",
        "digits": 2,
        "currency": "Zambian Kwacha",
        "countries": [
          "Zambia"
        ]
      },
      {
        "code": "ZWG",
        "number": "924",
        "digits": 2,
        "currency": "Zimbabwe Gold",
        "countries": [
          "Zimbabwe"
        ]
      }
    ];
  }
});

// ../../node_modules/.pnpm/currency-codes@2.2.0/node_modules/currency-codes/iso-4217-publish-date.js
var require_iso_4217_publish_date = __commonJS({
  "../../node_modules/.pnpm/currency-codes@2.2.0/node_modules/currency-codes/iso-4217-publish-date.js"(exports, module) {
    module.exports = "2024-06-25";
  }
});

// ../../node_modules/.pnpm/currency-codes@2.2.0/node_modules/currency-codes/index.js
var require_currency_codes = __commonJS({
  "../../node_modules/.pnpm/currency-codes@2.2.0/node_modules/currency-codes/index.js"(exports) {
    var first = require_first_match();
    var nub = require_nub();
    var data = require_data();
    var publishDate = require_iso_4217_publish_date();
    var code = function(code2) {
      code2 = code2.toUpperCase();
      return first(data, function(c) {
        return c.code === code2;
      });
    };
    var country = function(country2) {
      country2 = country2.toLowerCase();
      return data.filter(function(c) {
        return (c.countries.map(function(c2) {
          return c2.toLowerCase();
        }) || []).indexOf(country2) > -1;
      });
    };
    var number = function(number2) {
      return first(data, function(c) {
        return c.number === String(number2);
      });
    };
    var codes = function() {
      return data.map(function(c) {
        return c.code;
      });
    };
    var numbers = function() {
      var items = data.map(function(c) {
        return c.number;
      });
      return items.filter(function(n) {
        if (n) {
          return n;
        }
      });
    };
    var countries = function() {
      var m = data.filter(function(c) {
        return c.countries;
      }).map(function(c) {
        return c.countries;
      });
      return nub(Array.prototype.concat.apply([], m));
    };
    exports.code = code;
    exports.country = country;
    exports.number = number;
    exports.codes = codes;
    exports.numbers = numbers;
    exports.countries = countries;
    exports.publishDate = publishDate;
    exports.data = data;
  }
});

// src/seed/world.ts
import { Faker, en } from "@faker-js/faker";

// src/money.ts
var import_currency_codes = __toESM(require_currency_codes(), 1);
var NON_CURRENCIES = /* @__PURE__ */ new Set([
  "XAG",
  "XAU",
  "XBA",
  "XBB",
  "XBC",
  "XBD",
  "XDR",
  "XPD",
  "XPT",
  "XSU",
  "XTS",
  "XUA",
  "XXX",
  "BOV",
  "CHE",
  "CHW",
  "CLF",
  "COU",
  "MXV",
  "USN",
  "UYI",
  "UYW"
]);
var digitsByCode = new Map(
  import_currency_codes.default.data.filter((c) => !NON_CURRENCIES.has(c.code) && typeof c.digits === "number").map((c) => [c.code, c.digits])
);
var CURRENCY_CODES = [...digitsByCode.keys()].sort();
function minorDigits(currencyCode) {
  const digits = digitsByCode.get(currencyCode);
  if (digits === void 0) throw new RangeError(`Unknown currency ${currencyCode}`);
  return digits;
}

// src/seed/world.ts
var SeedRefusedError = class extends Error {
  name = "SeedRefusedError";
};
var SEED_BASE_DATE = /* @__PURE__ */ new Date("2026-01-01T00:00:00Z");
var SEEDED_TABLES = [
  "CollectionProduct",
  "Collection",
  "ProductMedia",
  "ProductVariant",
  "ProductOption",
  "Product",
  "ShopMember",
  "Shop",
  "User"
];
function resolveScale(scale2 = "demo") {
  let products;
  let shops;
  if (scale2 === "demo") {
    products = 2e3;
    shops = 20;
  } else if (scale2 === "bench") {
    products = 1e5;
    shops = 200;
  } else {
    products = scale2.products;
    if (!Number.isSafeInteger(products) || products < 1 || products > 1e7) {
      throw new RangeError(`scale.products must be an integer from 1 to 10,000,000 (got ${products})`);
    }
    shops = Math.min(products, Math.max(20, Math.min(200, Math.round(products / 500))));
  }
  return { products, shops, buyers: 200, creators: 50, staff: Math.max(2, Math.round(shops / 4)), admins: 2 };
}
async function resetWorld(prisma2) {
  await prisma2.$executeRawUnsafe(`TRUNCATE TABLE ${SEEDED_TABLES.map((t2) => `"${t2}"`).join(", ")} CASCADE`);
}
async function seedWorld(prisma2, options = {}) {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed})`);
  const size = resolveScale(options.scale);
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 1e3));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  if (options.reset) {
    await resetWorld(prisma2);
  } else {
    const [shops, demoUsers] = await Promise.all([
      prisma2.shop.count(),
      prisma2.user.count({ where: { externalId: { startsWith: "demo-" } } })
    ]);
    if (shops > 0 || demoUsers > 0) {
      const what = shops > 0 ? `${shops} shop${shops === 1 ? "" : "s"}` : `${demoUsers} demo user${demoUsers === 1 ? "" : "s"}`;
      throw new SeedRefusedError(
        `The database already has ${what}; refusing to seed on top of existing data. Seed with reset (\`--reset\`, or \`reset: true\`) to delete the users, shops and catalog (and everything that refers to them) first.`
      );
    }
  }
  const world = new WorldGenerator(seed, size);
  const writer = new Writer(prisma2, concurrency, options.onProgress);
  return world.run(writer, chunkSize);
}
function splitmix32(state) {
  state = state + 2654435769 | 0;
  let z = state;
  z = Math.imul(z ^ z >>> 16, 2246822507);
  z = Math.imul(z ^ z >>> 13, 3266489909);
  return [state, (z ^ z >>> 16) >>> 0];
}
function hash32(text) {
  let h2 = 2166136261;
  for (let i = 0; i < text.length; i++) h2 = Math.imul(h2 ^ text.charCodeAt(i), 16777619);
  return h2 >>> 0;
}
var HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
var hex16 = (n) => HEX_BYTES[n >>> 8] + HEX_BYTES[n & 255];
var Rng = class {
  a = 0;
  b = 0;
  c = 0;
  d = 0;
  constructor(seed, stream) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    let state = low ^ Math.imul(high, 668265263) ^ hash32(stream);
    const words = [];
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(state);
      state = next;
      words.push(out);
    }
    [this.a, this.b, this.c, this.d] = words;
    for (let i = 0; i < 16; i++) this.u32();
  }
  u32() {
    const t2 = (this.a + this.b | 0) + this.d | 0;
    this.d = this.d + 1 | 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) | 0;
    this.c = this.c << 21 | this.c >>> 11;
    this.c = this.c + t2 | 0;
    return t2 >>> 0;
  }
  /** [0, 1) */
  float() {
    return this.u32() / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  chance(p) {
    return this.float() < p;
  }
  pick(items) {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.float() * items.length)];
  }
  /** An index drawn with the given (not necessarily normalised) weights. */
  weighted(weights) {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
  /** `count` distinct indices of [0, n), ascending (selection sampling, Knuth's algorithm S). */
  indices(n, count) {
    const out = [];
    for (let i = 0; i < n && out.length < count; i++) {
      if (this.float() * (n - i) < count - out.length) out.push(i);
    }
    return out;
  }
  /** `count` distinct items, in their original order. */
  sample(items, count) {
    return this.indices(items.length, Math.min(count, items.length)).map((i) => items[i]);
  }
  /** A random UUID (version 4 layout) drawn from this stream. */
  uuid() {
    const w0 = this.u32();
    const w1 = this.u32() & 4294905855 | 16384;
    const w2 = (this.u32() & 1073741823 | 2147483648) >>> 0;
    const w3 = this.u32();
    return hex16(w0 >>> 16) + hex16(w0 & 65535) + "-" + hex16(w1 >>> 16) + "-" + hex16(w1 & 65535) + "-" + hex16(w2 >>> 16) + "-" + hex16(w2 & 65535) + hex16(w3 >>> 16) + hex16(w3 & 65535);
  }
  /** Lower-case base-36 text of the given length. */
  token(length) {
    let out = "";
    for (let i = 0; i < length; i++) out += "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(this.float() * 36)];
    return out;
  }
};
var OPTIONS = {
  apparelSize: { name: "Size", values: ["XS", "S", "M", "L", "XL", "XXL"], priced: false },
  shoeSize: { name: "Size", values: ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46"] },
  color: {
    name: "Color",
    values: ["Black", "White", "Navy", "Grey", "Red", "Green", "Beige", "Blue", "Pink", "Olive", "Brown", "Yellow"]
  },
  fabric: { name: "Material", values: ["Cotton", "Linen", "Recycled Polyester", "Wool", "Silk", "Cashmere"], priced: true },
  leather: { name: "Material", values: ["Canvas", "Nylon", "Cork", "Vegan Leather", "Suede", "Leather"], priced: true },
  metal: { name: "Material", values: ["Brass", "Stainless Steel", "Sterling Silver", "Titanium", "Gold Vermeil", "Rose Gold"], priced: true },
  bagSize: { name: "Size", values: ["Mini", "Small", "Medium", "Large", "Extra Large", "Travel"], priced: true },
  homeSize: { name: "Size", values: ["Small", "Medium", "Large", "Extra Large", "Set of 2", "Set of 4"], priced: true },
  homeMaterial: { name: "Material", values: ["Stoneware", "Ceramic", "Glass", "Ash", "Oak", "Walnut"], priced: true },
  scent: { name: "Scent", values: ["Unscented", "Lavender", "Sandalwood", "Citrus", "Rose", "Vanilla", "Cedar", "Fig"] },
  volume: { name: "Size", values: ["15 ml", "30 ml", "50 ml", "75 ml", "100 ml", "200 ml"], priced: true },
  skinType: { name: "Skin Type", values: ["All", "Normal", "Dry", "Oily", "Combination", "Sensitive"] },
  concentration: {
    name: "Concentration",
    values: ["Body Mist", "Cologne", "Eau de Toilette", "Eau de Parfum", "Parfum", "Extrait"],
    priced: true
  },
  finish: { name: "Finish", values: ["Matte", "Gloss", "Satin", "Brushed", "Polished", "Textured"] },
  length: { name: "Length", values: ["16 in", "18 in", "20 in", "22 in", "24 in", "30 in"], priced: true },
  ringSize: { name: "Size", values: ["5", "6", "7", "8", "9", "10", "11"] },
  storage: { name: "Storage", values: ["64 GB", "128 GB", "256 GB", "512 GB", "1 TB", "2 TB"], priced: true },
  power: { name: "Power", values: ["5 W", "10 W", "20 W", "40 W", "60 W", "100 W"], priced: true },
  capacity: { name: "Capacity", values: ["350 ml", "500 ml", "750 ml", "1 L", "1.5 L", "2 L"], priced: true },
  volumeL: { name: "Volume", values: ["10 L", "18 L", "25 L", "30 L", "40 L", "55 L"], priced: true },
  edition: { name: "Edition", values: ["Standard", "Travel", "Plus", "Studio", "Pro", "Limited"], priced: true }
};
var O = OPTIONS;
var DEPARTMENTS = [
  {
    name: "Apparel",
    shopWords: ["Apparel", "Clothing", "Wear", "Threads", "Outfitters", "Studio"],
    types: [
      { type: "T-Shirts", nouns: ["Tee", "T-Shirt", "Pocket Tee", "Crewneck Tee", "V-Neck Tee"], options: [O.apparelSize, O.color, O.fabric], price: [18, 60] },
      { type: "Hoodies", nouns: ["Hoodie", "Zip Hoodie", "Sweatshirt", "Pullover"], options: [O.apparelSize, O.color, O.fabric], price: [45, 140] },
      { type: "Dresses", nouns: ["Dress", "Midi Dress", "Wrap Dress", "Slip Dress", "Shirt Dress"], options: [O.apparelSize, O.color, O.fabric], price: [60, 260] },
      { type: "Jackets", nouns: ["Jacket", "Overshirt", "Parka", "Bomber", "Coat"], options: [O.apparelSize, O.color, O.fabric], price: [90, 420] },
      { type: "Pants", nouns: ["Chinos", "Jeans", "Trousers", "Joggers", "Shorts"], options: [O.apparelSize, O.color, O.fabric], price: [40, 180] }
    ]
  },
  {
    name: "Footwear",
    shopWords: ["Footwear", "Shoes", "Sneakers", "Soles", "Cobblers"],
    types: [
      { type: "Sneakers", nouns: ["Sneaker", "Runner", "Trainer", "Court Shoe", "High-Top"], options: [O.shoeSize, O.color, O.leather], price: [70, 240] },
      { type: "Boots", nouns: ["Boot", "Chelsea Boot", "Hiking Boot", "Ankle Boot"], options: [O.shoeSize, O.color, O.leather], price: [110, 380] },
      { type: "Sandals", nouns: ["Sandal", "Slide", "Espadrille", "Flip-Flop"], options: [O.shoeSize, O.color, O.leather], price: [25, 120] }
    ]
  },
  {
    name: "Accessories",
    shopWords: ["Goods", "Supply", "Carry", "Leatherworks", "Accessories"],
    types: [
      { type: "Bags", nouns: ["Tote", "Backpack", "Crossbody Bag", "Duffel", "Weekender"], options: [O.color, O.leather, O.bagSize], price: [35, 320] },
      { type: "Wallets", nouns: ["Wallet", "Card Holder", "Coin Purse", "Passport Cover"], options: [O.color, O.leather, O.finish], price: [20, 140] },
      { type: "Hats", nouns: ["Cap", "Beanie", "Bucket Hat", "Fedora", "Sun Hat"], options: [O.color, O.apparelSize, O.fabric], price: [18, 90] },
      { type: "Belts", nouns: ["Belt", "Braided Belt", "Dress Belt", "Webbing Belt"], options: [O.apparelSize, O.color, O.leather], price: [25, 130] }
    ]
  },
  {
    name: "Jewelry",
    shopWords: ["Jewelry", "Jewels", "Atelier", "Gems", "Silverworks"],
    types: [
      { type: "Necklaces", nouns: ["Necklace", "Pendant", "Chain", "Choker", "Locket"], options: [O.metal, O.length, O.finish], price: [30, 480] },
      { type: "Rings", nouns: ["Ring", "Band", "Signet Ring", "Stacking Ring"], options: [O.ringSize, O.metal, O.finish], price: [25, 650] },
      { type: "Earrings", nouns: ["Earrings", "Hoops", "Studs", "Drop Earrings", "Ear Cuff"], options: [O.metal, O.finish, O.color], price: [20, 300] },
      { type: "Watches", nouns: ["Watch", "Chronograph", "Field Watch", "Dress Watch"], options: [O.color, O.metal, O.finish], price: [90, 900] }
    ]
  },
  {
    name: "Beauty",
    shopWords: ["Beauty", "Apothecary", "Botanicals", "Skin", "Cosmetics"],
    types: [
      { type: "Skincare", nouns: ["Serum", "Face Oil", "Moisturizer", "Cleanser", "Eye Cream", "Toner"], options: [O.volume, O.skinType, O.scent], price: [12, 120] },
      { type: "Fragrance", nouns: ["Perfume", "Eau de Parfum", "Solid Perfume", "Room Spray"], options: [O.volume, O.scent, O.concentration], price: [25, 260] },
      { type: "Bath & Body", nouns: ["Body Wash", "Hand Cream", "Bath Salts", "Body Lotion", "Soap Bar"], options: [O.scent, O.volume, O.skinType], price: [8, 60] }
    ]
  },
  {
    name: "Home",
    shopWords: ["Home", "House", "Living", "Interiors", "Homewares"],
    types: [
      { type: "Candles", nouns: ["Candle", "Pillar Candle", "Travel Candle", "Diffuser"], options: [O.scent, O.homeSize, O.color], price: [14, 90] },
      { type: "Mugs", nouns: ["Mug", "Cup", "Tumbler", "Espresso Cup"], options: [O.color, O.homeSize, O.homeMaterial], price: [12, 48] },
      { type: "Blankets", nouns: ["Throw", "Blanket", "Quilt", "Cushion Cover"], options: [O.color, O.homeSize, O.fabric], price: [35, 260] },
      { type: "Vases", nouns: ["Vase", "Planter", "Bowl", "Tray"], options: [O.homeMaterial, O.homeSize, O.finish], price: [20, 220] }
    ]
  },
  {
    name: "Electronics",
    shopWords: ["Audio", "Electronics", "Labs", "Gadgets", "Tech"],
    types: [
      { type: "Headphones", nouns: ["Headphones", "Earbuds", "Studio Monitors", "Wireless Earbuds"], options: [O.color, O.finish, O.edition], price: [40, 450] },
      { type: "Speakers", nouns: ["Speaker", "Bookshelf Speaker", "Soundbar", "Portable Speaker"], options: [O.color, O.power, O.finish], price: [45, 600] },
      { type: "Chargers", nouns: ["Charger", "Power Bank", "Charging Dock", "Wall Adapter"], options: [O.power, O.color, O.finish], price: [15, 120] },
      { type: "Storage", nouns: ["SSD", "Flash Drive", "Memory Card", "Portable Drive"], options: [O.storage, O.color, O.finish], price: [12, 300] }
    ]
  },
  {
    name: "Outdoor",
    shopWords: ["Outdoors", "Trail Co.", "Expedition", "Camp", "Adventure"],
    types: [
      { type: "Backpacks", nouns: ["Daypack", "Hiking Pack", "Rolltop Pack", "Sling"], options: [O.volumeL, O.color, O.leather], price: [40, 280] },
      { type: "Bottles", nouns: ["Water Bottle", "Flask", "Insulated Bottle", "Camp Mug"], options: [O.capacity, O.color, O.finish], price: [15, 60] },
      { type: "Outerwear", nouns: ["Rain Shell", "Fleece", "Down Vest", "Softshell"], options: [O.apparelSize, O.color, O.fabric], price: [60, 380] }
    ]
  }
];
var ADJECTIVES = [
  "Classic",
  "Everyday",
  "Essential",
  "Modern",
  "Relaxed",
  "Slim",
  "Oversized",
  "Vintage",
  "Organic",
  "Recycled",
  "Lightweight",
  "Heritage",
  "Minimal",
  "Soft",
  "Handmade",
  "Signature",
  "Premium",
  "Washed",
  "Textured",
  "Utility",
  "Cozy",
  "Sleek",
  "Bold",
  "Woven",
  "Compact",
  "Rugged",
  "Refined"
];
var QUALITIES = [
  "durable",
  "breathable",
  "soft",
  "timeless",
  "versatile",
  "lightweight",
  "comfortable",
  "easy-care",
  "sustainable",
  "polished",
  "practical",
  "understated",
  "hard-wearing",
  "elegant",
  "thoughtful",
  "clean"
];
var USES = {
  Apparel: ["everyday wear", "layering", "weekends", "the office", "travel days", "warm evenings"],
  Footwear: ["city walks", "long days on your feet", "the trail", "weekends", "travel", "the gym"],
  Accessories: ["daily carry", "commuting", "weekend trips", "the office", "gifting"],
  Jewelry: ["everyday wear", "stacking", "special occasions", "gifting", "layering"],
  Beauty: ["morning routines", "evening rituals", "sensitive skin", "travel", "self-care days"],
  Home: ["slow mornings", "the living room", "gifting", "the dinner table", "quiet evenings"],
  Electronics: ["commuting", "the home office", "travel", "workouts", "late-night listening"],
  Outdoor: ["day hikes", "camping trips", "the commute", "rainy days", "long weekends outdoors"]
};
var DESCRIPTION_OPENERS = [
  (t2, a, b, use) => `The ${t2} is ${a} and ${b}, made for ${use}.`,
  (t2, a, b, use) => `Meet the ${t2}: ${a}, ${b} and ready for ${use}.`,
  (t2, a, b, use) => `Our ${t2} pairs a ${a} look with ${b} details, built for ${use}.`,
  (t2, a, b, use) => `A ${a}, ${b} take on a favorite, the ${t2} is made for ${use}.`
];
var MODEL_NAMES = [
  "Aspen",
  "Harbor",
  "Summit",
  "Meadow",
  "Coastal",
  "Everyday",
  "Nomad",
  "Atlas",
  "Luna",
  "Sierra",
  "Willow",
  "Cedar",
  "Orbit",
  "Drift",
  "Haven",
  "Ember",
  "Solstice",
  "Tidal",
  "Canyon",
  "Juniper",
  "Marlow",
  "Fjord",
  "Alpine",
  "Sable",
  "Indigo",
  "Ridge",
  "Hollow",
  "Prairie",
  "Nova",
  "Kestrel"
];
var TAGS = [
  "new",
  "bestseller",
  "eco",
  "limited-edition",
  "gift",
  "handmade",
  "organic",
  "vegan",
  "summer",
  "winter",
  "unisex",
  "premium",
  "classic",
  "bundle"
];
var COLLECTION_TITLES = [
  "New Arrivals",
  "Best Sellers",
  "Sale",
  "Essentials",
  "Gift Guide",
  "Summer Edit",
  "Winter Edit",
  "Staff Picks",
  "Last Chance",
  "Limited Edition",
  "Under 50",
  "Weekend Favorites"
];
var CURRENCY_PATTERN = [
  "USD",
  "EUR",
  "GBP",
  "USD",
  "JPY",
  "USD",
  "EUR",
  "GBP",
  "USD",
  "CAD",
  "EUR",
  "USD",
  "GBP",
  "AUD",
  "USD",
  "EUR",
  "USD",
  "GBP",
  "USD",
  "EUR"
];
var FX = { USD: 1, EUR: 0.92, GBP: 0.79, JPY: 150, CAD: 1.36, AUD: 1.52 };
var VARIANT_COUNT_WEIGHTS = [18, 8, 12, 12, 8, 10, 4, 7, 6, 5, 3, 7];
var MEDIA_COUNT_WEIGHTS = [15, 20, 30, 20, 15];
var DAY = 864e5;
var BASE = SEED_BASE_DATE.getTime();
function slugify(text, max = 48) {
  const slug = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/g, "") || "item";
}
var MAX_PARAMS = 3e4;
var Writer = class {
  constructor(prisma2, concurrency, onProgress) {
    this.prisma = prisma2;
    this.concurrency = concurrency;
    this.onProgress = onProgress;
  }
  prisma;
  concurrency;
  onProgress;
  done = /* @__PURE__ */ new Map();
  totals = /* @__PURE__ */ new Map();
  running = 0;
  waiting = [];
  begin(phase, total) {
    this.totals.set(phase, total);
    this.done.set(phase, 0);
    this.onProgress?.({ phase, done: 0, total });
  }
  advance(phase, count) {
    const done = (this.done.get(phase) ?? 0) + count;
    this.done.set(phase, done);
    this.onProgress?.({ phase, done, total: this.totals.get(phase) ?? done });
  }
  count(phase) {
    return this.done.get(phase) ?? 0;
  }
  async slot(task) {
    if (this.running >= this.concurrency) await new Promise((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
  /** Inserts rows in statements of at most MAX_PARAMS bind values, `concurrency` at a time. */
  async insert(phase, rows2, create) {
    if (rows2.length === 0) return;
    const columns = Object.keys(rows2[0]).length;
    const per = Math.max(1, Math.floor(MAX_PARAMS / columns));
    const batches = [];
    for (let i = 0; i < rows2.length; i += per) {
      const batch = rows2.slice(i, i + per);
      batches.push(
        this.slot(async () => {
          const { count } = await create(batch);
          if (count !== batch.length) throw new Error(`${phase}: inserted ${count} of ${batch.length} rows`);
          this.advance(phase, count);
        })
      );
    }
    await settleAll(batches);
  }
};
async function settleAll(promises) {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}
var WorldGenerator = class {
  constructor(seed, size) {
    this.seed = seed;
    this.size = size;
    this.faker = new Faker({ locale: [en] });
    this.faker.seed(seed);
    this.faker.setDefaultRefDate(SEED_BASE_DATE);
    this.rng = new Rng(seed, "world");
    this.ids = new Rng(seed, "ids");
  }
  seed;
  size;
  faker;
  /** Choices and numbers. */
  rng;
  /** Ids only, so that ids do not shift when the content generation changes. */
  ids;
  userHandles = /* @__PURE__ */ new Set();
  shopHandles = /* @__PURE__ */ new Set();
  productHandles = /* @__PURE__ */ new Set();
  collectionHandles = /* @__PURE__ */ new Set();
  /** Per product (in generation order): variants, options and media to create. */
  variantCounts;
  optionCounts;
  mediaCounts;
  async run(writer, chunkSize) {
    const { size } = this;
    const users = this.generateUsers();
    writer.begin("users", users.rows.length);
    await writer.insert("users", users.rows, (data) => writer.prisma.user.createMany({ data }));
    const shops = this.planShops(users.merchants);
    const shopRows = shops.map((s) => this.shopRow(s));
    writer.begin("shops", shopRows.length);
    await writer.insert("shops", shopRows, (data) => writer.prisma.shop.createMany({ data }));
    const members = this.generateMembers(shops, users.staff);
    writer.begin("shopMembers", members.length);
    await writer.insert("shopMembers", members, (data) => writer.prisma.shopMember.createMany({ data }));
    this.planCatalog();
    const sum = (a) => a.reduce((t2, n) => t2 + n, 0);
    writer.begin("products", size.products);
    writer.begin("productOptions", sum(this.optionCounts));
    writer.begin("productVariants", sum(this.variantCounts));
    writer.begin("productMedia", sum(this.mediaCounts));
    const refsByShop = shops.map(() => []);
    const inFlight = [];
    let failure;
    const flush = (chunk2) => {
      const task = (async () => {
        await writer.insert("products", chunk2.products, (data) => writer.prisma.product.createMany({ data }));
        await settleAll([
          writer.insert("productOptions", chunk2.options, (data) => writer.prisma.productOption.createMany({ data })),
          writer.insert("productVariants", chunk2.variants, (data) => writer.prisma.productVariant.createMany({ data })),
          writer.insert("productMedia", chunk2.media, (data) => writer.prisma.productMedia.createMany({ data }))
        ]);
      })();
      task.catch((error) => {
        failure ??= error;
      });
      inFlight.push(task);
    };
    let chunk = { products: [], options: [], variants: [], media: [] };
    let productIndex = 0;
    for (const shop of shops) {
      for (let n = 1; n <= shop.productCount; n++, productIndex++) {
        refsByShop[shop.index].push(this.generateProduct(shop, n, productIndex, chunk));
        if (chunk.products.length >= chunkSize) {
          flush(chunk);
          chunk = { products: [], options: [], variants: [], media: [] };
          while (inFlight.length > writer.concurrency) await inFlight.shift().catch(() => void 0);
          if (failure !== void 0) break;
        }
      }
      if (failure !== void 0) break;
    }
    if (failure === void 0 && chunk.products.length > 0) flush(chunk);
    await Promise.allSettled(inFlight);
    if (failure !== void 0) throw failure;
    const collections = this.generateCollections(shops, refsByShop);
    writer.begin("collections", collections.collections.length);
    await writer.insert("collections", collections.collections, (data) => writer.prisma.collection.createMany({ data }));
    writer.begin("collectionProducts", collections.links.length);
    await writer.insert(
      "collectionProducts",
      collections.links,
      (data) => writer.prisma.collectionProduct.createMany({ data })
    );
    const firstShop = shops[0];
    return {
      seed: this.seed,
      size,
      counts: {
        users: writer.count("users"),
        shops: writer.count("shops"),
        shopMembers: writer.count("shopMembers"),
        products: writer.count("products"),
        productOptions: writer.count("productOptions"),
        productVariants: writer.count("productVariants"),
        productMedia: writer.count("productMedia"),
        collections: writer.count("collections"),
        collectionProducts: writer.count("collectionProducts")
      },
      users: {
        buyer: users.buyers[0],
        creator: users.creators[0],
        merchant: {
          ...users.merchants[0],
          shopId: firstShop.id,
          shopHandle: firstShop.handle,
          shopCurrencyCode: firstShop.currencyCode
        },
        admin: users.admins[0]
      }
    };
  }
  // ── time ──
  /** A whole-second instant `minDays`–`maxDays` days before `before`. */
  before(before, minDays, maxDays) {
    const seconds = this.rng.int(Math.round(minDays * 86400), Math.round(maxDays * 86400));
    return before - seconds * 1e3;
  }
  /** A whole-second instant between `from` and `to`. */
  between(from, to) {
    if (to <= from) return from;
    return from + this.rng.int(0, Math.floor((to - from) / 1e3)) * 1e3;
  }
  // ── users ──
  uniqueHandle(set, base, max = 40) {
    const root = slugify(base, max);
    let handle = root;
    while (set.has(handle)) handle = `${root}-${this.rng.token(4)}`;
    set.add(handle);
    return handle;
  }
  generateUsers() {
    const rows2 = [];
    const make = (kind, n, roles) => {
      const id = this.ids.uuid();
      const firstName = this.faker.person.firstName();
      const lastName = this.faker.person.lastName();
      const handle = this.uniqueHandle(
        this.userHandles,
        this.faker.internet.username({ firstName, lastName }).replace(/[._]+/g, "-")
      );
      const createdAt = this.before(BASE, 1, 900);
      const updatedAt = this.between(createdAt, BASE);
      rows2.push({
        id,
        externalId: `demo-${kind}-${n}`,
        handle,
        displayName: `${firstName} ${lastName}`,
        email: `${handle}@example.com`,
        avatarUrl: this.rng.chance(0.8) ? `/media/avatars/${id}.jpg` : null,
        roles,
        consentPersonalization: this.rng.chance(0.6),
        consentAnalytics: this.rng.chance(0.5),
        followerCount: 0,
        followingCount: 0,
        createdAt: new Date(createdAt),
        updatedAt: new Date(updatedAt)
      });
      return { id, externalId: `demo-${kind}-${n}`, handle };
    };
    const times = (count, f) => Array.from({ length: count }, (_, i) => f(i + 1));
    const buyers = times(this.size.buyers, (n) => make("buyer", n, ["BUYER"]));
    const creators = times(this.size.creators, (n) => make("creator", n, ["BUYER", "CREATOR"]));
    const merchants = times(this.size.shops, (n) => make("merchant", n, ["BUYER", "MERCHANT"]));
    const staff = times(this.size.staff, (n) => make("staff", n, ["BUYER", "MERCHANT"]));
    const admins = times(this.size.admins, (n) => make("admin", n, ["BUYER", "ADMIN"]));
    return { rows: rows2, buyers, creators, merchants, staff, admins };
  }
  // ── shops ──
  planShops(owners) {
    const { shops: shopCount, products } = this.size;
    const weights = Array.from({ length: shopCount }, (_, i) => i === 0 ? 4 : 1 / (0.15 + this.rng.float()));
    const counts = allocate(products, weights);
    return counts.map((productCount, index) => {
      const department = this.rng.pick(DEPARTMENTS);
      const lastName = this.faker.person.lastName();
      const style = this.rng.int(0, 3);
      const name = style === 0 ? `${lastName} ${this.rng.pick(department.shopWords)}` : style === 1 ? `${this.rng.pick(MODEL_NAMES)} ${this.rng.pick(department.shopWords)}` : style === 2 ? `${lastName} & ${this.faker.person.lastName()}` : `${this.faker.company.name()}`;
      const handle = this.uniqueHandle(this.shopHandles, name);
      const vendors = this.rng.chance(0.7) ? [name] : [name, ...Array.from({ length: this.rng.int(1, 3) }, () => this.faker.company.name())];
      const letters = name.replace(/[^A-Za-z]/g, "").toUpperCase().padEnd(3, "X").slice(0, 3);
      return {
        index,
        id: this.ids.uuid(),
        handle,
        name,
        currencyCode: CURRENCY_PATTERN[index % CURRENCY_PATTERN.length],
        department,
        types: this.rng.sample(department.types, this.rng.int(2, department.types.length)),
        vendors,
        skuPrefix: `${letters}${index + 1}`,
        createdAt: this.before(BASE, 420, 1100),
        productCount,
        ownerId: owners[index].id
      };
    });
  }
  shopRow(shop) {
    return {
      id: shop.id,
      handle: shop.handle,
      name: shop.name,
      description: `${shop.department.name} \u2014 ${this.faker.company.catchPhrase()}.`,
      currencyCode: shop.currencyCode,
      logoUrl: `/media/shops/${shop.id}/logo.png`,
      followerCount: 0,
      createdAt: new Date(shop.createdAt),
      updatedAt: new Date(this.between(shop.createdAt, BASE))
    };
  }
  generateMembers(shops, staff) {
    const rows2 = shops.map((shop) => ({
      shopId: shop.id,
      userId: shop.ownerId,
      role: "OWNER",
      createdAt: new Date(shop.createdAt)
    }));
    staff.forEach((user, i) => {
      const seats = /* @__PURE__ */ new Set([i % shops.length]);
      if (shops.length > 1 && this.rng.chance(0.3)) seats.add(this.rng.int(0, shops.length - 1));
      for (const s of [...seats].sort((a, b) => a - b)) {
        const shop = shops[s];
        rows2.push({ shopId: shop.id, userId: user.id, role: "STAFF", createdAt: new Date(this.between(shop.createdAt, BASE)) });
      }
    });
    return rows2;
  }
  // ── catalog ──
  planCatalog() {
    const n = this.size.products;
    this.variantCounts = new Uint8Array(n);
    this.optionCounts = new Uint8Array(n);
    this.mediaCounts = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const variants = this.rng.weighted(VARIANT_COUNT_WEIGHTS) + 1;
      let options;
      if (variants === 1) options = 1;
      else if (variants <= 3) options = this.rng.chance(0.6) ? 1 : 2;
      else if (variants <= 6) options = this.rng.pick([1, 1, 2, 2, 3]);
      else options = this.rng.chance(0.6) ? 2 : 3;
      this.variantCounts[i] = variants;
      this.optionCounts[i] = options;
      this.mediaCounts[i] = this.rng.weighted(MEDIA_COUNT_WEIGHTS) + 1;
    }
  }
  /** A price in minor units, rounded the way shops price things (…9.99, …5.00; ¥…80). */
  shopPrice(usd, currencyCode) {
    const major = usd * (FX[currencyCode] ?? 1);
    const digits = minorDigits(currencyCode);
    if (digits === 0) {
      const hundreds = Math.max(1, Math.round(major / 100));
      return hundreds * 100 - (this.rng.chance(0.5) ? 20 : 0);
    }
    const unit = 10 ** digits;
    const whole = Math.max(1, Math.round(major));
    return this.rng.chance(0.55) ? whole * unit - 1 : whole * unit;
  }
  generateProduct(shop, n, index, chunk) {
    const { rng, faker } = this;
    const id = this.ids.uuid();
    const type = rng.pick(shop.types);
    const noun = rng.pick(type.nouns);
    const style = rng.int(0, 9);
    const title = style < 5 ? `${rng.pick(ADJECTIVES)} ${noun}` : style < 8 ? `${rng.pick(MODEL_NAMES)} ${noun}` : `${rng.pick(ADJECTIVES)} ${rng.pick(MODEL_NAMES)} ${noun}`;
    let handle = `${slugify(title, 40)}-${rng.token(5)}`;
    while (this.productHandles.has(handle)) handle = `${slugify(title, 40)}-${rng.token(6)}`;
    this.productHandles.add(handle);
    const statusRoll = rng.float();
    const status = statusRoll < 0.86 ? "ACTIVE" : statusRoll < 0.94 ? "DRAFT" : "ARCHIVED";
    const createdAt = this.between(shop.createdAt + DAY, BASE - DAY);
    const publishedAt = status === "ACTIVE" ? Math.min(BASE, createdAt + rng.int(0, 72 * 3600) * 1e3) : null;
    const updatedAt = this.between(publishedAt ?? createdAt, Math.min(BASE, (publishedAt ?? createdAt) + 60 * DAY));
    const variantCount = this.variantCounts[index];
    const optionCount = this.optionCounts[index];
    const defs = rng.sample(type.options, optionCount);
    const { values, combos } = this.variantGrid(defs, variantCount);
    const basePrice = this.shopPrice(rng.int(type.price[0], type.price[1]), shop.currencyCode);
    const step = Math.max(100, Math.round(basePrice * rng.int(5, 15) / 100 / 100) * 100);
    const pricedByOption = defs.map((d) => d.priced === true && rng.chance(0.7));
    const onSale = rng.chance(0.3);
    const discount = rng.int(15, 50);
    const soldOut = rng.chance(0.05);
    const variantTime = new Date(createdAt);
    const variantUpdated = new Date(updatedAt);
    let minPrice = Number.POSITIVE_INFINITY;
    let maxPrice = 0;
    let totalInventory = 0;
    combos.forEach((combo, v) => {
      let price = basePrice;
      combo.forEach((valueIndex, o) => {
        if (pricedByOption[o]) price += valueIndex * step;
      });
      const compareAtPrice = onSale ? Math.ceil(price * (100 + discount) / 100 / 100) * 100 : null;
      const inventoryQuantity = soldOut || rng.chance(0.12) ? 0 : Math.floor(1 + 249 * rng.float() ** 2);
      minPrice = Math.min(minPrice, price);
      maxPrice = Math.max(maxPrice, price);
      totalInventory += inventoryQuantity;
      const selected = combo.map((valueIndex, o) => ({ name: defs[o].name, value: values[o][valueIndex] }));
      chunk.variants.push({
        id: this.ids.uuid(),
        productId: id,
        title: selected.map((s) => s.value).join(" / "),
        sku: `${shop.skuPrefix}-${String(n).padStart(5, "0")}-${String(v + 1).padStart(2, "0")}`,
        position: v + 1,
        price,
        compareAtPrice: compareAtPrice !== null && compareAtPrice > price ? compareAtPrice : null,
        selectedOptions: selected,
        inventoryQuantity,
        createdAt: variantTime,
        updatedAt: variantUpdated
      });
    });
    defs.forEach((def, o) => {
      chunk.options.push({ id: this.ids.uuid(), productId: id, name: def.name, position: o + 1, values: values[o] });
    });
    const mediaCount = this.mediaCounts[index];
    for (let m = 1; m <= mediaCount; m++) {
      const video = m > 1 && rng.chance(0.1);
      const kind = video ? "VIDEO" : "IMAGE";
      const [width, height] = video ? [1080, 1920] : rng.pick([[1200, 1500], [1600, 1600], [2e3, 1500], [1080, 1350]]);
      chunk.media.push({
        id: this.ids.uuid(),
        productId: id,
        kind,
        url: `/media/products/${id}/${m}.${video ? "mp4" : "jpg"}`,
        alt: video ? `${title} \u2014 video` : m === 1 ? title : `${title} \u2014 view ${m}`,
        width,
        height,
        durationMs: video ? rng.int(50, 600) * 100 : null,
        posterUrl: video ? `/media/products/${id}/${m}-poster.jpg` : null,
        position: m
      });
    }
    const tags = rng.sample(TAGS, rng.weighted([25, 35, 25, 10, 5]));
    if (onSale) tags.push("sale");
    chunk.products.push({
      id,
      shopId: shop.id,
      handle,
      title,
      description: this.describe(shop, type, title, defs, values),
      vendor: rng.pick(shop.vendors),
      productType: type.type,
      tags,
      status,
      currencyCode: shop.currencyCode,
      minPrice,
      maxPrice,
      totalInventory,
      publishedAt: publishedAt === null ? null : new Date(publishedAt),
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt)
    });
    return { id, createdAt, onSale, minPrice, type: type.type };
  }
  /** Two or three sentences about the product, in the words of its type (helps search demos). */
  describe(shop, type, title, defs, values) {
    const { rng } = this;
    const opener = rng.pick(DESCRIPTION_OPENERS);
    const [a, b] = rng.indices(QUALITIES.length, 2).map((i) => QUALITIES[i]);
    const sentences = [opener(title, a, b, rng.pick(USES[shop.department.name] ?? ["everyday use"]))];
    const choices = defs.map((d, o) => ({ name: d.name.toLowerCase(), values: values[o] })).filter((c) => c.values.length > 1);
    if (choices.length > 0) {
      sentences.push(`Choose your ${choices.map((c) => `${c.name} (${c.values.join(", ")})`).join(" and ")}.`);
    } else {
      sentences.push(`Available in ${defs.map((d, o) => `${values[o][0]} ${d.name.toLowerCase()}`).join(", ")}.`);
    }
    if (rng.chance(0.5)) sentences.push(`Part of our ${type.type.toLowerCase()} range from ${shop.name}.`);
    return sentences.join(" ");
  }
  /**
   * Values per option (a subset of each option's vocabulary, in vocabulary order) and
   * `count` distinct value-index combinations, in grid order. Every listed value is used.
   */
  variantGrid(defs, count) {
    const { rng } = this;
    const sizes = [];
    if (defs.length === 1) {
      sizes.push(count);
    } else if (defs.length === 2) {
      const max2 = defs[1].values.length;
      const low = Math.max(1, Math.ceil(count / max2));
      const first = Math.max(low, rng.int(Math.min(2, count), Math.min(defs[0].values.length, count)));
      let second = Math.ceil(count / first);
      if (second < max2 && first * second === count && rng.chance(0.25)) second++;
      sizes.push(first, second);
    } else {
      const first = rng.int(count >= 4 ? 2 : 1, Math.min(3, count));
      const second = rng.int(1, Math.max(1, Math.min(3, Math.floor(count / first))));
      const third = Math.ceil(count / (first * second));
      sizes.push(first, second, third);
    }
    const chosen = defs.map((def, o) => rng.sample(def.values, sizes[o]));
    let grid = [[]];
    for (const values2 of chosen) grid = grid.flatMap((prefix) => values2.map((_, i) => [...prefix, i]));
    if (grid.length < count) throw new Error(`variant grid too small (${grid.length} < ${count})`);
    const combos = rng.indices(grid.length, count).map((i) => grid[i]);
    const values = [];
    const remap = [];
    chosen.forEach((vals, o) => {
      const used = new Set(combos.map((c) => c[o]));
      const keep = vals.map((_, i) => i).filter((i) => used.has(i));
      values.push(keep.map((i) => vals[i]));
      remap.push(vals.map((_, i) => keep.indexOf(i)));
    });
    return { values, combos: combos.map((c) => c.map((i, o) => remap[o][i])) };
  }
  // ── collections ──
  generateCollections(shops, refsByShop) {
    const collections = [];
    const links = [];
    for (const shop of shops) {
      const refs = refsByShop[shop.index];
      const under = affordable(shop.currencyCode);
      const candidates = /* @__PURE__ */ new Map();
      for (const title of COLLECTION_TITLES) {
        if (title === "Sale") candidates.set(title, () => refs.filter((r) => r.onSale));
        else if (title === "Under 50") candidates.set(title, () => refs.filter((r) => r.minPrice <= under.amount));
        else if (title === "New Arrivals") {
          candidates.set(title, () => [...refs].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)).slice(0, this.rng.int(8, 40)));
        } else {
          candidates.set(
            title,
            () => this.rng.sample(refs, Math.max(1, Math.round(refs.length * (0.05 + 0.3 * this.rng.float()))))
          );
        }
      }
      for (const type of shop.types) candidates.set(type.type, () => refs.filter((r) => r.type === type.type));
      const eligible = [...candidates.keys()].filter((title) => {
        if (title === "Sale") return refs.some((r) => r.onSale);
        if (title === "Under 50") return refs.some((r) => r.minPrice <= under.amount);
        if (shop.types.some((t2) => t2.type === title)) return refs.some((r) => r.type === title);
        return true;
      });
      for (const key of this.rng.sample(eligible, this.rng.int(3, 8))) {
        const title = key === "Under 50" ? `Under ${under.label}` : key;
        const id = this.ids.uuid();
        const createdAt = this.between(shop.createdAt, BASE - DAY);
        collections.push({
          id,
          shopId: shop.id,
          handle: this.uniqueHandle(this.collectionHandles, `${shop.handle}-${slugify(title)}`, 64),
          title,
          description: `${this.faker.company.catchPhrase()}.`,
          createdAt: new Date(createdAt),
          updatedAt: new Date(this.between(createdAt, BASE))
        });
        candidates.get(key)().forEach((ref, i) => links.push({ collectionId: id, productId: ref.id, position: i + 1 }));
      }
    }
    return { collections, links };
  }
};
function affordable(currencyCode) {
  const major = 50 * (FX[currencyCode] ?? 1);
  const round = major >= 1e3 ? 500 : 5;
  const value = Math.max(round, Math.round(major / round) * round);
  const label = new Intl.NumberFormat("en-US", { style: "currency", currency: currencyCode, maximumFractionDigits: 0 }).format(value);
  return { amount: value * 10 ** minorDigits(currencyCode), label };
}
function allocate(total, weights) {
  const n = weights.length;
  const spare = total - n;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => spare * w / sum);
  const counts = exact.map((x) => 1 + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]++;
    left--;
  }
  return counts;
}

// tmp-seed-dry.ts
import { createHash } from "node:crypto";
var rows = {};
var model = (name) => ({
  createMany: async ({ data }) => {
    if (!process.env.NOKEEP) (rows[name] ??= []).push(...data);
    return { count: data.length };
  },
  count: async () => 0
});
var names = ["user", "shop", "shopMember", "product", "productOption", "productVariant", "productMedia", "collection", "collectionProduct"];
var prisma = Object.fromEntries(names.map((n) => [n, model(n)]));
prisma.$executeRawUnsafe = async () => 0;
var scale = process.argv[2] === "bench" || process.argv[2] === "demo" ? process.argv[2] : process.argv[2] ? { products: Number(process.argv[2]) } : "demo";
var t = performance.now();
var summary = await seedWorld(prisma, { seed: Number(process.argv[3] ?? 1), scale, chunkSize: Number(process.argv[4] ?? 1e3) });
console.log(((performance.now() - t) / 1e3).toFixed(2), "s", JSON.stringify(summary.counts), process.memoryUsage().heapUsed / 1e6 | 0, "MB");
var h = createHash("sha256");
for (const n of names) for (const r of rows[n] ?? []) h.update(JSON.stringify(r));
console.log(h.digest("hex"));
if (scale === "demo") {
  const v = rows.productVariant;
  console.log(JSON.stringify(summary.users, null, 1));
  console.log(rows.product.slice(0, 3));
  console.log(v.slice(0, 4), rows.productOption.slice(0, 3), rows.productMedia.slice(0, 2));
  console.log(rows.shop.map((s) => `${s.handle} ${s.currencyCode} ${s.name}`));
  console.log(rows.collection.slice(0, 8).map((c) => c.handle + " | " + c.title));
  console.log(rows.user.slice(0, 3));
  const onSale = v.filter((x) => x.compareAtPrice != null).length / v.length;
  const zero = v.filter((x) => x.inventoryQuantity === 0).length / v.length;
  console.log({ onSale, zero, avgVariants: v.length / rows.product.length });
  const perShop = {};
  for (const p of rows.product) perShop[p.shopId] = (perShop[p.shopId] ?? 0) + 1;
  console.log(Object.values(perShop));
}
