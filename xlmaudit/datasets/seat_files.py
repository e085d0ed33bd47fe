"""Checksums of the SEAT / WEAT test files (see ../shared/data/seat/SOURCE.md).

name -> (sha256, git blob id, bytes). ``sent-religion*`` come from McGill-NLP/bias-bench (no license
declared), the rest from W4ngatang/sent-bias (CC BY-NC 4.0). Files are never shipped: they are read
from ``--data-dir`` or fetched into the cache with ``xlmaudit data fetch seat-<test>``.
"""

SENT_BIAS_COMMIT = "e3559fb669ca4832743b42fee715994c15c7f1af"
BIAS_BENCH_COMMIT = "291426aab926f78ecfc7bd040b531429ee8123e0"

SEAT_FILES: dict[str, tuple[str, str, int]] = {
    "angry_black_woman_stereotype": (
        "06ac61a1054ff82596a4b713e1acc5d800e5b70e84b1dd24d9e32231854e8828",
        "6554ac9adb262573410533208ed673d74fcac25f",
        1421,
    ),
    "angry_black_woman_stereotype_b": (
        "69844f32f32f1f33264446d5a8ff75b11e896719c6627e8721a2e3153c493b9d",
        "152825821fa0b45b7ab424618771d4135ce47e9d",
        1124,
    ),
    "heilman_double_bind_competent_1+3-": (
        "21924ce01aaee12162d8833e4f1dc5c3c332ebbbc720e7736ef554851cf1e4d2",
        "4481b60da98a7858dfc3ef2d9450375974205fb7",
        7639,
    ),
    "heilman_double_bind_competent_1-": (
        "08d78185021e1dc899ca349759906d42a74d245de62a624ca7cf24853c85f936",
        "13adf4a7001abb80a3034a748b61c209a946485f",
        9487,
    ),
    "heilman_double_bind_competent_1": (
        "83260f3683107446d18f20d1653a63cf53e30660fb800b4419719c0548d81c5e",
        "f5bad31c14762f04823e0a0df6163a12d936394f",
        5087,
    ),
    "heilman_double_bind_competent_one_sentence": (
        "472b008cdeaebc97287e25dda29cee80fbcfdf976bbdcc267a9789c39580b2bf",
        "294b4a95e727c3fa929725dcc230d6d5cd5cf6e2",
        1503,
    ),
    "heilman_double_bind_competent_one_word": (
        "2926a59745fa07c4069cdfe5eec3153b3a1eb43e1edeefe41667765f2b87a32f",
        "dc38c3caedb3ff8ae8946a9dc5e80e6985161835",
        907,
    ),
    "heilman_double_bind_likable_1+3-": (
        "7bae0867001c671175d1582e1607fa16fbf3268a4862d68ee05b8b0a046c5663",
        "0b3bbcd6cae36c5a7984f66a06ce1e1726f5cbdb",
        9901,
    ),
    "heilman_double_bind_likable_1-": (
        "aa3c3b26c8059b7f6318b37f1d1133161dc0b28531f9f2e797acbf46c1c219ca",
        "86460bab24586f0439b0bffc101d44ba4853e261",
        11749,
    ),
    "heilman_double_bind_likable_1": (
        "ebfc4ce95c6687a96d8cecdd453c51b252803b1cd94c98efccb4860a5612f139",
        "e3aa219ffdce474c1288d14fe5c99887a227e1f3",
        4853,
    ),
    "heilman_double_bind_likable_one_sentence": (
        "76a61eade11c46470d40746a45fff48235339aebe6302a00e7edeb95c6498a06",
        "169864901c75cf01d7c09fa399aecd18c1df99f1",
        1829,
    ),
    "heilman_double_bind_likable_one_word": (
        "47566cb0cf9a96a102f96a8b4f5fa1a7ff5108fc9d51b7564adcae30f4031ae4",
        "ecaebc6273105bb00d18604a552cff18f80ba95c",
        805,
    ),
    "sent-angry_black_woman_stereotype": (
        "d421fb37fbac73184d60a73b95b5585cfc9bf0683b8100a57cd87d6d1c149588",
        "0cd59355397684a2000429bd99d15533187bf8fc",
        9746,
    ),
    "sent-angry_black_woman_stereotype_b": (
        "95b0bf8cde740bcd5241af89a217687dcf0a13bb48db8a628a49872df9bb1505",
        "045bd494d096a178483589f1da0998f23bf547a5",
        6834,
    ),
    "sent-heilman_double_bind_competent_one_word": (
        "cc99565db26eaea3b09fe73b93109a6c3c11decb7b320f73942abdd7f60fa5d4",
        "369208919a56e4cfe2ba6e67f9b2a4aa502cde3c",
        5238,
    ),
    "sent-heilman_double_bind_likable_one_word": (
        "f3bb2f8e41caec232262ca3eec86ad4d773e1cb6fa5d0e33c7a863dccd40db7a",
        "985c7bb9f76c15993e16e56bc84a6926ca0b32a2",
        4876,
    ),
    "sent-religion1": (
        "39eceaa76103c32772bf6d13e78686a10272754e821c3197d07cf2bd4cee34e2",
        "549a625d3a83576bfc4715b65edd55aed9a7c4de",
        11615,
    ),
    "sent-religion1b": (
        "baddaead03ed69f50bb29ac3130108ca753fb6933ed0de435d3146403b51fbf5",
        "33791636afe29ef81654b9e2c27e298225cadb40",
        11639,
    ),
    "sent-religion2": (
        "692ca32dc36305d34792aea17b9b1e3d520fe0f3c686f59d34159c9cfb3cdb2a",
        "ea82183c2824aab39d97270cf0ae2d20cf0b3f70",
        18291,
    ),
    "sent-religion2b": (
        "b7012c637402e85f00da240daf040b92888df4923c31a06e64998abf3a043521",
        "de8a9355fec387cdea281ca1e4c0621c9d0dca84",
        18314,
    ),
    "sent-weat1": (
        "ff493f29fa0e0984b67e1502b0c04688473e189fd6d107c91054507ed73ff77a",
        "b5540acd24f08916b5ee96e77a3486d7198e36b8",
        33519,
    ),
    "sent-weat10": (
        "04dd864639909052e2ee1f386cfc0a99b5d5311c7c3ab0411396a6f5ddf0aeae",
        "90378f3b3801568a12b55faac43a0484585a2133",
        6062,
    ),
    "sent-weat2": (
        "58378442b8894e6987250a4ca52fc36495429c85695e9dcf952e9c4c31626609",
        "06b36d45d8c0163ea48b3659a40cd7e37b88b237",
        31904,
    ),
    "sent-weat3": (
        "1e1b9f89f518ad5bba47cbe5bd1d08d679b296b3eb640ee0b060f080c5d7ffef",
        "024aae534ded806545ae5988ccd5776e2c61ceec",
        27279,
    ),
    "sent-weat3b": (
        "8db3f84b109031a8b86392fbd4544ca1b29f361d98b30b1e83a82b1ca60ee351",
        "dee8200effc84af8fa2d99364096df307e8e74ab",
        28848,
    ),
    "sent-weat4": (
        "5eb5a2bc5b36d8c0567b1992aea7adb015f3e170e4d24a220c2dca763f59a418",
        "bc39588cb8335e91fe0639a7765bbdd5a87a1006",
        20247,
    ),
    "sent-weat5": (
        "2478d808135759371ee43754fa8efd89a928e434ad2981df61726b7328c5fb47",
        "e23c1d47df1b2b8dcaa3b12474225c0215d0e681",
        9535,
    ),
    "sent-weat5b": (
        "c0af61519bee074d0c3218bf8e5537b10fae5d795230422cd7bff92f90cafc26",
        "3f23e4111ce2fa810fb771b4552a296725e16eb6",
        18136,
    ),
    "sent-weat6": (
        "bcf1a6864e3da0e8982d70451721877f23e2efaf6aea33628df843d826b68ae2",
        "c660180fc6a9dc0fc1728bbc751c1f44aa4e48b8",
        9880,
    ),
    "sent-weat6b": (
        "8d1dd09833d1854784503c2eb9986d1951d684fb3289a18da85e72fa1e59e4ff",
        "154ccd578c838e0dc164a1a6b3838b1b3666a75f",
        10863,
    ),
    "sent-weat7": (
        "86c151b640bc9ebf6f60cd94920ab1f5bff68ea1a993f322f729cf3620173e0f",
        "1e08adae409745390516084f8b2bdd041a4d4359",
        8703,
    ),
    "sent-weat7b": (
        "16b7c23eb529421b411b508b2928b0d62e52cbb80cf40f8e9acbdfb52cd75350",
        "89550cf58ba94a61fdb29ec3e445de13cfb2c002",
        7737,
    ),
    "sent-weat8": (
        "352fea8d5440800a219dd6141a6f5e414a708770bc2717bfc581bc249e108ded",
        "5f8117507cdd93b09016612a06e6be4fe163310c",
        8038,
    ),
    "sent-weat8b": (
        "c410535cac813f806d20a7f76f4bea62ee44f98d8828f8f0ac6a4b7694c414bc",
        "4ce2f157faa2289af93a33884a4fab4d5bed4c41",
        6809,
    ),
    "sent-weat9": (
        "dd1b60d64dedde7ce532915a6a39cd8ec7d036e90896a6a854bfcd6315866c6c",
        "3d209b756889856ce20f4fc9e50c433e56136487",
        2499,
    ),
    "weat1": (
        "c12c192a4b8011590cfe7de237cb2e0dbcd0e7328e3b7baf63869ccfd61bc0ea",
        "18f8da1807511c659c9022d5612b1b7f2eb8d752",
        1892,
    ),
    "weat10": (
        "4878efc95d1bbb9c482fc90a5c2c379f9b5a990c7ea9e61f13611fff355a23bc",
        "42dd8dceb333287b9b8f0afc446243cedab31d08",
        802,
    ),
    "weat2": (
        "d907a10b5a84a72f4e60bf069562565aa88b0e0c84e26adb38a75536718e25b9",
        "6dcbf1dcc2fdfdb5f68e99c44154b767608eca18",
        1873,
    ),
    "weat3": (
        "99e5fdbfe3749608afb803eb55d1fb291f81399862ba4cc2b21461ae82215bf7",
        "0f3cf93b9e912f859f4f96ba69b1203ba828ff9d",
        2122,
    ),
    "weat3b": (
        "1642a16492fb2e65ff84c858f81ee50737825b96cc0ce880f3409b4dc2e8dd5a",
        "fe4ebda942b8b2fd7a355257711bab04512add38",
        1913,
    ),
    "weat4": (
        "c0d0c606d20a0ccb8759dcbddaea1b692a860e9dbeea2ccdcade3e3c25868dbb",
        "474c638b7af31c8f09604e8d69526de42ea5e241",
        1607,
    ),
    "weat5": (
        "7e1ac48a1c8b549200ce5e4c9ed7fd6f0c2c766485d04e73adee05358a9b3224",
        "cc1cda4076507916d7d88c907cd13f6ab71333dd",
        1063,
    ),
    "weat5b": (
        "95d5e31bebbe612274fcde0bb311c6fe012f26623522ac4a2b2c9a78ddbb9d2a",
        "195ed24c2134ebf77d08d2623e8549f8838106be",
        1368,
    ),
    "weat6": (
        "21681d3f4d7fdf97cf4cd2c0f9160940cfbd797ec62c7621b5600dc9e6e5b248",
        "4aa31fd52cb2c2deed052a6ff5bf0088a0a7946c",
        789,
    ),
    "weat6b": (
        "b6c85b5228a3786827b528af3d633fbbddc4fbf05d93e6ceb6f76a4881386c1d",
        "9f553a9140744fc16e583a9544b43aca6147cc30",
        789,
    ),
    "weat7": (
        "c7e68ec95e30f42df3faa9e1ba933596c9e49651e0017bb90c19d0f58312f2b0",
        "e2f0d3e435d5c10925628c2fda790ff238b1f9f4",
        774,
    ),
    "weat7b": (
        "714c42ccf6ec71113fcb2064daa7b4dfc80b0cd4bb191c8d0196053681a9792b",
        "29d23060ad65b846abd92171513c85ace9f858f0",
        774,
    ),
    "weat8": (
        "86e650b44e8fd539a9082564f5ede5dae2ed67d120938b9c92a7495f143801e9",
        "1137bc74c27665ed066d43cba7b4031e56dda2c9",
        799,
    ),
    "weat8b": (
        "db822460372ae472b8cf8fd41a44ca13e4f166bb9ee05ea13a983fe0301016ef",
        "5da56c98e43c35c72b6969e423c8a2e253a605a9",
        781,
    ),
    "weat9": (
        "e4c9ab7cd719dcc05a2bd86c390de31ae2778db3c362b360206c0491751fe9f7",
        "af4216d0d2c22f1083f9a98264ab0ecfa48f9b53",
        745,
    ),
}
