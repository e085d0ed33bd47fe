"""Checksums of the WEATHub test files (see ../shared/data/weathub/SOURCE.md and MANIFEST.tsv).

``<folder>/<test>`` -> (sha256, git blob id, bytes), for ``data/<folder>/<test>.json`` of
iamshnoo/weathub at ``WEATHUB_COMMIT``. The files are GPL-3.0: they are never shipped (no word of
them is in this package); they are read at run time from ``--data-dir`` / ``$XLMAUDIT_DATA_DIR`` /
the cache as ``weathub/data/<folder>/<test>.json``. Only their names and checksums are here.
"""

WEATHUB_COMMIT = "878d6cea7aabc0ce4233bcf48e7ed1759ef41538"
MANIFEST_SHA256 = "9b3939f6b91b6f0e93333fb8a633ba85b3c38aa55d03f3b1cdb2c4ffc007327a"

WEATHUB_FILES: dict[str, tuple[str, str, int]] = {
    "ar_all/weat1": (
        "919e4bb539445f6a90a15b91ce06d4ee85a6653d0e9d8791c2e770325c2e5e5e",
        "47dea1cbadc36026acdad2fef4ef9f9723464d20",
        4012,
    ),
    "ar_all/weat2": (
        "cd861abc7b34715a9fcca573827fd27ca5aecf8bab48d030e75ffd3e54b364db",
        "32093cfc8a5a0530f47699a2cc94bf236829decd",
        4003,
    ),
    "ar_all/weat6": (
        "f8e29d5be08064ecfef6fcbc75141ed4dfb98b7cd5aa62db1d832970a82d5e82",
        "f7db036a84d407f2e71bc78fa3a972b82185601f",
        1167,
    ),
    "ar_all/weat7": (
        "a2716d3582731b56fa05b4c02dea2a6bd40c7138aa1d7dd162dff0f0e993b760",
        "189a6c403b71ad449c6fd53525a8b2cfeb85e670",
        1314,
    ),
    "ar_all/weat8": (
        "9abde33f09e39a917f8943ecbeada4351a9a284c62fe99dd519e2f82699042b4",
        "b0c89673f486047a544ed2144ac5d637e4e9d62f",
        1274,
    ),
    "ar_all/weat9": (
        "90107102efaf61655eaefd45a4c7571e1a16aef6eebd48f29e9d9c8bcef04430",
        "f9f05466a02239c7c0bad11ea62f7cc93efd4906",
        1064,
    ),
    "ar_gt/weat1": (
        "4c23cbf477ebc14e9c5eac41ffca0eb6d3d880e7ece4c58958a5ac3bbc81e5cc",
        "6b22e71d62de36fc9ef583a39c841e2752180116",
        3088,
    ),
    "ar_gt/weat2": (
        "a4ee00961adbca8e8f5e2ab403d6fb4bf3c8ceb63c420ef76390b7d3f5dee430",
        "3d1da34dc9eaef3126f4f77622dc4dd3871eebf2",
        2973,
    ),
    "ar_gt/weat6": (
        "724270b728d2c8fcd4c1fcbacc844ca010bd385bb63142be03fcb69fbe19197d",
        "98873bcf994ce6b40e0b68c3ba6f4c35db5b3497",
        1153,
    ),
    "ar_gt/weat7": (
        "4584b560a2df29e15a860e8ee948e00ec5d7d386b64610140313cd948527c5ae",
        "18ddb0200e4fb60b39d5b8dfe12f18dc5e2dc0cc",
        1141,
    ),
    "ar_gt/weat8": (
        "bcaefdcbfdac1f45ea0f293c2f44d356122758814326faabbdf9463edbf4a568",
        "2e6b1ce784ffbf244cc3ab7e78a27b1fa16846c1",
        1110,
    ),
    "ar_gt/weat9": (
        "58797c391260a85b791fbccc1a23972647d5095d4923f9be0086d79d887c1f5c",
        "4c3256743153e7f9510ce2f2bac7ebacd3cba1d0",
        1062,
    ),
    "ar_human/weat1": (
        "107cdd8e1914fea7c2baa094c017926378b2547c4dee5339818aba2c8c5fd35b",
        "a640c1e9b81b60df2c5a3bfd30efa54f2ebc14cd",
        3157,
    ),
    "ar_human/weat2": (
        "f96c0396c09ce53e16c34a5d6d32879fbab93f91e2ff4928943c9acd6ae18b30",
        "da38e134bed379a5da790986d7fffdce348f6906",
        3044,
    ),
    "ar_human/weat6": (
        "f8e29d5be08064ecfef6fcbc75141ed4dfb98b7cd5aa62db1d832970a82d5e82",
        "f7db036a84d407f2e71bc78fa3a972b82185601f",
        1167,
    ),
    "ar_human/weat7": (
        "03770345418f08c9439365c37a0e7548433423ad65423b9dc8ac8b8fadeafd7d",
        "eea7f44faf106d300bf29533ade80ce4ec865313",
        1158,
    ),
    "ar_human/weat8": (
        "bcaefdcbfdac1f45ea0f293c2f44d356122758814326faabbdf9463edbf4a568",
        "2e6b1ce784ffbf244cc3ab7e78a27b1fa16846c1",
        1110,
    ),
    "ar_human/weat9": (
        "90107102efaf61655eaefd45a4c7571e1a16aef6eebd48f29e9d9c8bcef04430",
        "f9f05466a02239c7c0bad11ea62f7cc93efd4906",
        1064,
    ),
    "ar_new/weat11": (
        "b534d40bd45b2377f898953623c1416239095e2c6ee822e2849ca2b9d915d895",
        "9d1fff6514e43cdf0e7246fbaa2e2d1145fa19f7",
        1358,
    ),
    "ar_new/weat12": (
        "8e5458f316df23be9c83ba6b8f6d0d61b8251228d29e7bd6f06c31b409444d7c",
        "6f47223fc62c9cfdf94afae81315ee2a824adeab",
        1399,
    ),
    "ar_new/weat12b": (
        "367ec93d82426e22501042ce8742aa7f4fc4074a2942eff5f45fc02076414b89",
        "72289efb9f8ceb116af4eaefbda899aa48d1ac84",
        2677,
    ),
    "ar_new/weat13": (
        "58b14cd6930065065080b83320cb3bc0a56cdab05d5b5c6f1dbbbd1bcd96865e",
        "c912871d82d804e0bf41f72419e32e61a0761890",
        1594,
    ),
    "ar_new/weat13b": (
        "82450cb193228902d49c7afb03c36c878c28919e0e139777565d43f5282c3d03",
        "0bd94d122ab69a5c565e9033b6cfa0534673272b",
        2762,
    ),
    "ar_new/weat14": (
        "41ef612a5c3450b86b7abc89363553df3cc190f237157e7f3cf5635670670604",
        "03df2f5271e8237799df3d2af3211894e7d06afa",
        1531,
    ),
    "ar_new/weat15": (
        "9a07df92fbb127bd03fb258c84a923762e590e36f3929707e3048cf4c5f22257",
        "0b4cbd0f741b2c04da7ca4b3e5fba2595668aab1",
        1492,
    ),
    "bn_all/weat1": (
        "990241dc931b11735e2489f2e873f417dfc3ed0ac0deb82a8cdc8f9aaa2933ef",
        "f1e9f41ef632c68827ebd800f8ec6a0da56139c6",
        5050,
    ),
    "bn_all/weat2": (
        "9b146988dc6bfb8b3d4d3bab264d41009db61d2096790261f4323dffed80f25a",
        "16a6255264176e1bc5914c7fa2204f19d727f846",
        4786,
    ),
    "bn_all/weat6": (
        "ae5836abfbb82c9890d5371f9e40e4e3a9fbd44de4f996a0b7bcb1f111114857",
        "8b77a40743ce892c2c12908a9629f53ceca6ebf7",
        1620,
    ),
    "bn_all/weat7": (
        "f58ca52b0fb70868dc2242fd9f7cf9e72de79ff9ca4ec1ad4764e200e6de4a83",
        "176e42d17cb14f16f92e42526eeef5e8a0a27c3f",
        1852,
    ),
    "bn_all/weat8": (
        "6ba1de21799dc1f5500bb839f5b4c65ce5a85e15d65c778a6c6ed65a838f6bbc",
        "fa98084d5422837df6026a19036e5018700af6d1",
        1941,
    ),
    "bn_all/weat9": (
        "5940349188b3876080f87636d1ddaa71754f83c851e9b4687d19b322c8dd581a",
        "31103f63f69176b350b4a4eb96ef11491dcdd197",
        1664,
    ),
    "bn_gt/weat1": (
        "7bb45bf02ab9325fdc2e752f0d04b182e374a38b8afdee64ccc34564a19930cb",
        "212adea6be25f6d62b3ab9273c260163770a35b6",
        3850,
    ),
    "bn_gt/weat2": (
        "f96bf54c198c45b1b8b67ae1a689ff764705822ace19956a4764fedec7f42a08",
        "24caea69a189fa11c045458855e1699e555f56bd",
        3774,
    ),
    "bn_gt/weat6": (
        "8fc51b4c608a9a10376b963899c6a7ab4ff97f7e848e563783293749d9590faf",
        "6bb32c8e1bb72de8702491fab39b3c3d213026fc",
        1404,
    ),
    "bn_gt/weat7": (
        "1c31608ede446f877f5a7bb1293026f70d1c22b48cd3f38034bcfd9f8dde991c",
        "27b6750142bba463c17039811e6080b930f5b30f",
        1321,
    ),
    "bn_gt/weat8": (
        "08c90d32b413d298452e8bfa0d837e23a39a24bde4fc38acc3b3522d468c843a",
        "bce879c0d6d617ae156d3a09c6a98210c0d59f53",
        1381,
    ),
    "bn_gt/weat9": (
        "be62aa78728d95b8a017d925157c222e2793265ab401e491b17dedd781bc60a7",
        "5cb23112775346f11ed78308de99254621dece61",
        1400,
    ),
    "bn_human/weat1": (
        "03cdb1669e7f7ee083034a472b1785c60c11feb66f7cc048ff5d0503217a3f8c",
        "415824ab3bfa73d13f445fc2aa8ddcf8eee31f58",
        3888,
    ),
    "bn_human/weat2": (
        "7bbb21f3ee68f3dbafb87ebf1829dba90767719bd251149f79ac3d21f1fe3f3e",
        "78419c424a60106ed04087ad747c6dd9ae14f58d",
        3731,
    ),
    "bn_human/weat6": (
        "2b1bf9b151be54f2a5eba29e468afa15286fe4a21ecf5bb329f71bc1d09dd1cc",
        "6b8f263e75d9dbe2339e0384a65a2447ef2d45df",
        1440,
    ),
    "bn_human/weat7": (
        "dfb474fa30de63676f1e86dfdcc75ac02e0a69a492f222b9c66ce2529b59536e",
        "b66c4a4bfb521c1b6d6b7a4f30273ac4279a5663",
        1315,
    ),
    "bn_human/weat8": (
        "f1e04f7a4fe8a3b2531c8e42db68d4bb27ed7561bd0d91f6819063d0817db467",
        "3a90d6596cb9643fc7c7619e81e4b0735a131072",
        1375,
    ),
    "bn_human/weat9": (
        "be62aa78728d95b8a017d925157c222e2793265ab401e491b17dedd781bc60a7",
        "5cb23112775346f11ed78308de99254621dece61",
        1400,
    ),
    "bn_india/weat16": (
        "a334874f9d2e37c936a0aab96b876e0643e64e5cade66fcdb0ed4ad4aadb37e4",
        "4d328bf155802404c29a85012cd9405f82487c59",
        1361,
    ),
    "bn_india/weat17": (
        "0bada3a9f12fb6068d7a7eaf4660359e364b2e7019ccf3e8380b00bae1f68733",
        "58b79d46ad797d7b2c12f140afd5dbd3319aaced",
        1347,
    ),
    "bn_india/weat18": (
        "1d3465aa6e2b11abbae03cce8b90a19e30bf3b680d9933aa71bfeae26d8ea36f",
        "2951029843a63c0f45af361b4dc40a4328ccf529",
        1349,
    ),
    "bn_india/weat19": (
        "d213c66c581eca1596b5d1f90ed5bbb4f45b45c682aeba517e5b276c4354c47f",
        "8362382a45403c0794ccfde83ca357409b7a2119",
        1393,
    ),
    "bn_india/weat20": (
        "b16d98dbace3b0be7d1a6ef4af978f422b52a4df4e9c78d015170eb58483a298",
        "6c5954cc1c7a90f52a81e3ed1db834f782d41d18",
        1345,
    ),
    "bn_india/weat21": (
        "eb25df478c459b0a7bbb237dfa94f5a063c3c88ff0f8ee1a704fe4ae94cf4f34",
        "b5734c0245ebd81f538c213f0760c07024126e97",
        1417,
    ),
    "bn_india/weat22": (
        "14dd552806bad4ca692f912b8860b1ea7789032c9e88a7ce4960f8c5770b0e5c",
        "cf313d88cce756274200b6c23278da46fdbddfcc",
        1351,
    ),
    "bn_india/weat23": (
        "3b752630d7379a7fd535057d38ca3a4588af5cabb2968626eeefce937a8edaf8",
        "21a36d8cf3dc4b5a583314751913700a08bc0841",
        1406,
    ),
    "bn_india/weat24": (
        "f0db4ee1ff8dfe8c4898abab95a11bb4222fd1fce26885111b0a02a8a5dc5552",
        "f3791150c41bbd1d4ed66f704913468fba974928",
        1424,
    ),
    "bn_india/weat25": (
        "17e2adad2e32873052dcdff5ad398053281ea6c74382e0418ce2cd47481bb520",
        "7d57ce414333ab2d8b610d35f538a827c680d358",
        1011,
    ),
    "bn_india/weat26": (
        "4bfeb46f93f6afc22b92dbdf81351f5702ea8de566f78470cde60151b201ceb0",
        "fb474a6998a4642da4967e0c913395cd3786109a",
        1415,
    ),
    "bn_new/weat11": (
        "64247c0be1d97b6e5d0c9a886a1071f71b9ec04d09254a335395ae898cdba8f9",
        "58ab548b1d1b68c71508a3b80e68fb4181bbc62f",
        1851,
    ),
    "bn_new/weat12": (
        "6ce3dfdda2be146b0ff4370a2d6a9393773d64940ea63fb6a768ed64a14011d7",
        "be27a6ac5a43712e9dc1f87137e618cf9313b187",
        2065,
    ),
    "bn_new/weat12b": (
        "06845bd6e467b42ef78d3fb22d7b500764f69c3222df3665df076c535c5c29f3",
        "c4775fde4f414c6b207fd7a5883909db3943ff25",
        3856,
    ),
    "bn_new/weat13": (
        "6b96d4379829df2521ae2665afeaff6b6d7a39a79d4acb06d05192806b43f8d7",
        "90c09d5511b4e05cc6b9b952fb388e741c3f42d0",
        1968,
    ),
    "bn_new/weat13b": (
        "01d683159bd25cd88ca1b8a3ff2bb3d1d62a0853c10576f6ea643c633a48f00c",
        "c2068f9f5337212d4055d4e8572f63d1fc0bfc23",
        3794,
    ),
    "bn_new/weat14": (
        "14fa6aecb0cdc6aa110bdd7484a098a4dda69705a22f6784740d10f5973753ab",
        "1c396f818b4d211f72a5bf311e3067c5d84da079",
        1956,
    ),
    "bn_new/weat15": (
        "43b0d1be9cc73dfab3398494aac9fe09f101506fc4a275a44dca23685dfc9b99",
        "367e632b1dba5b3669ef566c7040d3f456500488",
        1945,
    ),
    "ckb_all/weat1": (
        "3bf649d62a00de379481bd1a3d52a403ce6e306169a20f95ad94c638e7131431",
        "1619dd6f8e0009506dc3c33b4e665d6deba09b2d",
        4175,
    ),
    "ckb_all/weat2": (
        "50458cd6e2aaa011ad4ac14afca6590255aeb8109156a14067031e3a1f563dc1",
        "1448115d0d7692d855d4ff010cee928150bfd14d",
        4091,
    ),
    "ckb_all/weat6": (
        "20b268aa8bb3b1212be5b3534c618e06a0c80cb73bf6ca8eb1035cc4a65bfdd6",
        "cb651755fc40b595a60bd682b3fbcabbfb4297f5",
        1336,
    ),
    "ckb_all/weat7": (
        "b8e6e48973f362842d946b0d819059d12df5d3fdab064635dd93abbb42dfad41",
        "74530880fc35667b93d1d909e7db04cfa94f4674",
        1801,
    ),
    "ckb_all/weat8": (
        "e52c2aa4bf1418d758e836a9ce0627b7103fd559ee80cf728fa51cdd504a37fe",
        "2e0fe8d13909c36d1010957eebc7bb9b6b27bf6f",
        1772,
    ),
    "ckb_all/weat9": (
        "8913431d7923fcbf424d1abdd1b6e080d98137a25efd186586423151e57da83c",
        "6e1af77033d303f523386912ae7bf25c25a7d82b",
        1460,
    ),
    "ckb_gt/weat1": (
        "5528d38198018866120534080806acee66e238465ec78e3d08a06798c52d244b",
        "d97408ab6f6142a4f42b8ef902e8165eade32caa",
        3181,
    ),
    "ckb_gt/weat2": (
        "c456dc0490c345e660eaac1e92c041c15c2bb501c5179cfe788db302e471d84b",
        "64c3781fbf8e777015bdb9b99bc25e02002f3a7a",
        3142,
    ),
    "ckb_gt/weat6": (
        "0a2820b64de3ebaba4820cedce434294d4ebcaffd2b6a778da057801d689b6f8",
        "47854997bd845233d3b29894d22a5806722c4ddd",
        1204,
    ),
    "ckb_gt/weat7": (
        "b8fe1638330c34c8fe1f2546ce7fede3c8e71ff89db477bae45e4a5955ebdbf6",
        "1b5af14dc866c1f015f877729e7c9429b7f74279",
        1183,
    ),
    "ckb_gt/weat8": (
        "bfe75f352d5f030409af93c1c5e3538222eb677b3276f3885ec5f7428d233b35",
        "5f07d0c190e656a9da1ff0273ddb023b54e9cc86",
        1178,
    ),
    "ckb_gt/weat9": (
        "53580a2ed9057beb3c917c06af9ef40e3b33b60226e25a144900a930cfb08277",
        "65cb3219de419ff544c7a9d82748cc0c28b1c9c8",
        1145,
    ),
    "ckb_human/weat1": (
        "e50976ca29e29ad3e9a0e6e4c9d5ee2784122f6bfbbc2d6add31f387d4d6556b",
        "ad5fbca3b2200f442c5276a8f583929c84cb873a",
        3233,
    ),
    "ckb_human/weat2": (
        "e33bc443763a69f7d3edcdde39f84d0808f43e8318f83f43db27b17ebf9496ec",
        "9fc141d5bb641373a46936de8e2a66d41e44a499",
        3109,
    ),
    "ckb_human/weat6": (
        "1d18cec30e1aae4ab3431fe6da0fd4da3e25b542391d3ac7c61e8d5ad86b722c",
        "6bacfb781bf4ee4dc7602583dfc33c9a347d6510",
        1192,
    ),
    "ckb_human/weat7": (
        "b8fe1638330c34c8fe1f2546ce7fede3c8e71ff89db477bae45e4a5955ebdbf6",
        "1b5af14dc866c1f015f877729e7c9429b7f74279",
        1183,
    ),
    "ckb_human/weat8": (
        "bfe75f352d5f030409af93c1c5e3538222eb677b3276f3885ec5f7428d233b35",
        "5f07d0c190e656a9da1ff0273ddb023b54e9cc86",
        1178,
    ),
    "ckb_human/weat9": (
        "0d6bbf0ede444937d159f22fdb23fa76515ffdda375f053f40307bcf6ae8f7c1",
        "d9afa5b50518701ffa98e44e6fdbeee217149f37",
        1140,
    ),
    "ckb_new/weat11": (
        "cc8964481ae2bbab3af2128d92a17b957e90ed6025e8bbad4218e8f6a14605dc",
        "cc78a0557c994d87256d4a5ed92dfec6d46c8475",
        1687,
    ),
    "ckb_new/weat12": (
        "62a78891445071fbf8a2af51ae0ba025e1c7819e8d2bbf53761aaf0ad5b66f08",
        "1c5cd2473dfd10af39ae5348fca69f55d6cae485",
        1733,
    ),
    "ckb_new/weat12b": (
        "8f457cff40019ecce9d4d324c61cab0aef8c4e3939d45c1b183e895068d0c1a2",
        "e7fa777ff3ec794b128515b3860c5318718dc2ea",
        3062,
    ),
    "ckb_new/weat13": (
        "514fae4e53a0a283671c3c0be0f1cdae31f88bb8359d693fd1af77732894d9d6",
        "5822f6fa3568470ff05d6ba7f0e304c0fb0c534f",
        1645,
    ),
    "ckb_new/weat13b": (
        "81e5b8ead0719520706c1f816f82d38c7e9b0115a8fadb83185dd367624c420a",
        "fbad7bd358aa0027f65fb4be10f27c85dc0409a6",
        3166,
    ),
    "ckb_new/weat14": (
        "7aa46ecc0f25b86846ddcbb647ceb0aa3bcbca5de7e30b9c8c7318c0460d56ab",
        "49aba46013deb7552a147a29ee327fb291bf5974",
        1621,
    ),
    "ckb_new/weat15": (
        "b9da6c130eaf5ea5964f94fd97796a4a32aaccead5dd9ee7524908aa2683a174",
        "5c197c0f400c98748cac2cb72d50425ebdc252a2",
        1609,
    ),
    "da_all/weat1": (
        "547a43e335474246a98dcc70d716ad0fb4e2462b3977035b5a9440a41bd7b5b4",
        "06dd63465d7a32fa4f737e2067f73b821a524366",
        3425,
    ),
    "da_all/weat2": (
        "2152306d2162352901679f9f0d1c392497ef79d2d8a900f009d3def526a1736a",
        "c62681d3f6385fd9b7b86ff507946833dec0dfd6",
        3249,
    ),
    "da_all/weat6": (
        "88b639953ef7652b6dece3be1567ced92f7b504c8fff5236eff363b5d60fb7fb",
        "60a2c94130dcd4c5aec8d27938a65869188d1db9",
        1286,
    ),
    "da_all/weat7": (
        "14d08a8f6540962d9735fa8e2d6c6c7a03d2c8eb0faeb4afdbdabe4772b6617f",
        "f65455910acf4570b12a5f604dea3679611d2f68",
        1317,
    ),
    "da_all/weat8": (
        "24ed254c59d6cbf25cf0102741d443d4f7ba0793daeede59f384c5d90f44eb5c",
        "d245bbdfaffac990e00a0a871ee56cd85b119465",
        1287,
    ),
    "da_all/weat9": (
        "f238cb2d7846a90596e0a8a846653dbe02022a88a962418989ea1e56c5a6a3a6",
        "25da66928a290032e57fd854c26d2d8930bdaa52",
        1168,
    ),
    "da_gt/weat1": (
        "065ad3b6a378887440da3e43da77ef25cf8890388d51cfab226d78228d552e1d",
        "3046cf6d7fd74525c9d8a04fbb49eb89139e2de7",
        2601,
    ),
    "da_gt/weat2": (
        "a4a2b589f3650a3a4f1dcd8365ca65bec386e7fe1da1d694b6502b1e528fc137",
        "38ca6b8fb9d5513a8cb42bdf721ccb5aaf7adcb1",
        2570,
    ),
    "da_gt/weat6": (
        "0699ce29bcd78360bb80d52c16810847085c00916b747a505599056c0994afd8",
        "c41e83d3bf3b974ef50212f55092d63c2ee716d7",
        1048,
    ),
    "da_gt/weat7": (
        "9ee162a41b8536932152e771b8516255e5830b690ad6f0df5308925081cdc538",
        "46cc05e7b34fa1bd09d034e3d714439b4d798760",
        1034,
    ),
    "da_gt/weat8": (
        "ae3d4bc7f71958d8ae964fd2250d4be0a558e71f0e90d23516466a6c4e9b8e32",
        "311da631d0140bbf854c8bc087555a49ab71e1de",
        1045,
    ),
    "da_gt/weat9": (
        "c89b8c8637eeae91dc95e7d6579274f23452d9af5d2fbfca3f78c83d3296b864",
        "c96cecc49cf625be4ba2fb324b329b6bf3b6e3db",
        966,
    ),
    "da_human/weat1": (
        "2658169ab6dd9790a745b679d28829ad375705d2455cdd791885c7d8dcb32d16",
        "a91e03115de17435400b3fdfbefe2b0e0fbc51ea",
        2620,
    ),
    "da_human/weat2": (
        "66d95a10ad44d41221ac6ed149da3b71f6e349172617a67c416ffcd9d5c96f94",
        "210446127308aafc1f2bf880639b4904cb5a37dc",
        2568,
    ),
    "da_human/weat6": (
        "80db2fc31271cb34eaf2673830ceae110d2769c858ec6c2a92c0bce6d94abd8d",
        "d975de07a68c915b71b9371922ab0a8b57c28e71",
        1062,
    ),
    "da_human/weat7": (
        "6faa5f3f4e29c0cff46278f55570eda031fafa842a855e254a3bac3049575e1f",
        "5bf79bea50ec26bc332cdfd02937641d57a8b117",
        1030,
    ),
    "da_human/weat8": (
        "7174c91c0de849db5b77ef3055e48251bb01498cddf2868c8c1990b91985b9dc",
        "5eff30c13acfc73eac2855bdef9e987c59963ecd",
        1044,
    ),
    "da_human/weat9": (
        "c89b8c8637eeae91dc95e7d6579274f23452d9af5d2fbfca3f78c83d3296b864",
        "c96cecc49cf625be4ba2fb324b329b6bf3b6e3db",
        966,
    ),
    "da_new/weat11": (
        "0d8107202ca8d61ebd3f030125eaec2e64e04d092b29ddeb8d63a567f88dc6af",
        "c6e240f63d794a964eec8030335aec28f37e808a",
        1284,
    ),
    "da_new/weat12": (
        "1464aa430b38e2f40308b87f27ab9d9160b65d997a179714e6e9c104822f4885",
        "d4acee9b50c7147d82b69439279d543213acab76",
        1339,
    ),
    "da_new/weat12b": (
        "5488ecf17372a36372f05e648768b4075346dddc99ad440cf5817c3ef933d687",
        "851f6f97fda41462c20a0be1588044c3c2406c4f",
        2518,
    ),
    "da_new/weat13": (
        "653f101c9cd4e88a967a35fbf18fe6627aa305c8441fe7d7d4c6eefc4d6a048b",
        "18e11876e53935e0705e2d835a38c8e07a2a0f52",
        1356,
    ),
    "da_new/weat13b": (
        "66e01b13adac0d16c243bd79a8be6e3b1bb0dd9a603bbb7c2ab328744b3043f2",
        "379d9bb45470769826019fceceea8f979e4ad29a",
        2520,
    ),
    "da_new/weat14": (
        "4143a1732789dc399302256fb68c74c74d276d368496129c49afa38c5b3721a7",
        "7ce140461213516d9fb5c36491707277805228de",
        1409,
    ),
    "da_new/weat15": (
        "aa312800dfcdb5f32ac52e4c0453780f294ccb882fb23b4885eea0c93d1fc704",
        "de07071158956c099590fb2405d75455997ec3da",
        1367,
    ),
    "de_all/weat1": (
        "608aa64d24fcaa70ea014e14da3bd5d818031af132c284c52a75d41713d60aba",
        "1cf79aee57204464211059706491ee7fde14b9f3",
        3576,
    ),
    "de_all/weat2": (
        "de9824148cd38e9c181ab78c72184b69e623e3c8a25b637bece5a96cf2efe0c6",
        "77dd00347bf0e7d74fbf4c471a8c462d62446268",
        3424,
    ),
    "de_all/weat6": (
        "4c5dd1a89b36fa7ecaea174bdc185ee18ae5ce71a1af2f3778d96838f0ef4555",
        "3521443ba1fc954767bb3949aa980b2eaff998de",
        1383,
    ),
    "de_all/weat7": (
        "1977370f5324653661efdc147d02c606735955d413b081279dd967d437db1b6d",
        "97d74e63854c5816b9bf0da3b4b937abfcdca273",
        1558,
    ),
    "de_all/weat8": (
        "073425d1ab94f30e6acdf64cb282897fa2a3743016435ace91b1684b78cc2098",
        "1f057aba5d92fc9e3a776befa5ac19924e030bfb",
        1524,
    ),
    "de_all/weat9": (
        "7945aa3594b010a0ca860b7e0b5bbe1eaef6012d51214f3ec2adc05b28881213",
        "167539f04d04f3b4a80c99457c5570efd3a7d28f",
        1507,
    ),
    "de_gt/weat1": (
        "6fb41454fbbf748d04e9a0a901ce14e096f72e52e131891a3fcf5aa646ef4159",
        "df002a528dbb44ddfa9b8a43c70a6132e9deb973",
        2696,
    ),
    "de_gt/weat2": (
        "2c4c3ba831c33f0ba79e89f0554ef2f22ab772ff868f3994bd267619dfc75fca",
        "c7eac659001078ee704569d702b6a923702ec398",
        2645,
    ),
    "de_gt/weat6": (
        "09178d5665c489f79af911f421e41f01e110606c210c1e5133cc770796197f47",
        "df6a99bb9dfe4ddb7dfa3f1d91d03eb6416043f1",
        1048,
    ),
    "de_gt/weat7": (
        "b8c6696adaf9b5e5676eeeb766a690703b1cc29c99efd6c5651ffbdc947d8f65",
        "ada0297953b353aa5fbac1180a7f81120957a982",
        1069,
    ),
    "de_gt/weat8": (
        "7cc49ca40cad976f86012f5dacc1d12135a8a720dc405beee5e2a370737580c9",
        "26d83ce25b7cb95c0a45896b2fac308c3b5a3cec",
        1058,
    ),
    "de_gt/weat9": (
        "297d7e5125bc8d22d270a0bd7a6ffafcbf4f56e058ac788414ce3b408e9f57db",
        "cc2fa8f725200d74bd228a617788c84a8d0bd3cf",
        991,
    ),
    "de_human/weat1": (
        "6fb41454fbbf748d04e9a0a901ce14e096f72e52e131891a3fcf5aa646ef4159",
        "df002a528dbb44ddfa9b8a43c70a6132e9deb973",
        2696,
    ),
    "de_human/weat2": (
        "2c4c3ba831c33f0ba79e89f0554ef2f22ab772ff868f3994bd267619dfc75fca",
        "c7eac659001078ee704569d702b6a923702ec398",
        2645,
    ),
    "de_human/weat6": (
        "03dc61a4b7e7d5c50657ac0a921df1c75ff3fdb0bb40ea5bc52613d23db471ce",
        "4615aa590516b3ab696fb192117ffabbf0645668",
        1068,
    ),
    "de_human/weat7": (
        "b8c6696adaf9b5e5676eeeb766a690703b1cc29c99efd6c5651ffbdc947d8f65",
        "ada0297953b353aa5fbac1180a7f81120957a982",
        1069,
    ),
    "de_human/weat8": (
        "7cc49ca40cad976f86012f5dacc1d12135a8a720dc405beee5e2a370737580c9",
        "26d83ce25b7cb95c0a45896b2fac308c3b5a3cec",
        1058,
    ),
    "de_human/weat9": (
        "297d7e5125bc8d22d270a0bd7a6ffafcbf4f56e058ac788414ce3b408e9f57db",
        "cc2fa8f725200d74bd228a617788c84a8d0bd3cf",
        991,
    ),
    "de_new/weat11": (
        "9f0ae1fd59ff87114b5ff4848be5c2c68f41176e9b85849ffae53d87c323d934",
        "933fbd443cb6a3b7422e3b3fe0e3026028be7458",
        1346,
    ),
    "de_new/weat12": (
        "2535e960913f744f488077397b5b577803d3c51644d2a13ca66bd92cf214b7fb",
        "b022070ad12d3ca1a6c871de52c63f42fc35001f",
        1422,
    ),
    "de_new/weat12b": (
        "b5ce6b4eca98991e60cb59a4cb54655f71103300eea57176653e92726ab5a43a",
        "f5f9bf90310e3814657e0ec3acb274f19c33fa6c",
        2731,
    ),
    "de_new/weat13": (
        "eff949445c2edc8ef7f6b20462ce00960d23c544d197073cfb8a65fcbfa200c3",
        "e3f948bdb0c1e20ec8cd31e6a55399fb60c99c87",
        1362,
    ),
    "de_new/weat13b": (
        "ac851ed6f8e25014de4cd2237758647ad6ddd260fb8d11101a4927a5581ba863",
        "08df54dcfcda4551bbd041ce46914756b9d357d6",
        2688,
    ),
    "de_new/weat14": (
        "222da4f38cb374b0c3ad7153d9710d1793eee8ee07f8fdec6951396fced9bdff",
        "ea2e451636d449b1c0a7edbf29dba30ea97e2a83",
        1472,
    ),
    "de_new/weat15": (
        "fdd22613a5731c0b55132016aa3f51fc92d9a90601c9b9478e4d504f3c4e3cb2",
        "1b1d0160e17ed7605d523da1d955d64e66b6d44e",
        1390,
    ),
    "el_all/weat1": (
        "09b3bfa6c7bce85b62747eeb1d9a81d5f9bdc48f1347ab046d0f61f24fda9c9d",
        "03139f831636825cc815b22702bdda3a81c8342e",
        4816,
    ),
    "el_all/weat2": (
        "5328e9682b681d0aa38430957a5c8e581dd0f619b440712edd6e45600eafd815",
        "f3e4dc60a7e8035da244da395d65e823e0a651c0",
        4444,
    ),
    "el_all/weat6": (
        "09d6e171027a27ef2a7f45b05632ec74e5947ba2d04fc70bd8a159640053da1a",
        "81a119342784772bcd5829df6a0a230546c9abbb",
        1385,
    ),
    "el_all/weat7": (
        "fd93193d7c52e60723ec5c9ca87a93bafc69cafa861dac3efe5c471843fb4b92",
        "c55f06cbe83929e734b927a871b298f8c105327c",
        1671,
    ),
    "el_all/weat8": (
        "04adcaa37e1f486dde0f77e90ce8828f4c1b289e58471e87aadb582fe2ec0a2b",
        "5029a4572c7aebbef9562f0e542473991361984d",
        1650,
    ),
    "el_all/weat9": (
        "b098aeaf1b0c0ad90f946dcd1d0e49db4a1239d00789a412ba0c83258394b812",
        "c560a22d638c21fb68a1dc95fb1481f061c134de",
        1797,
    ),
    "el_gt/weat1": (
        "7be606852450134af84a823b7e7a5212f03b618017fdaa4bb05a32fc18f054b0",
        "23f8ee459c9c1cec7eca387300612c7edb395e10",
        3448,
    ),
    "el_gt/weat2": (
        "a8e2008db7540ce2ce2516ea1b0be1592dfc372e753ee5143dc41d8f1a9079ee",
        "23fb0b246aec44179724515a4001ffac23690c96",
        3411,
    ),
    "el_gt/weat6": (
        "6075ec6a714cd2830ec37b242724bc09577f46ead0f600e3353bda58ae5e188c",
        "7289da91dab122920b3dbd28f74dc695177c5f18",
        1368,
    ),
    "el_gt/weat7": (
        "69c472c85aeda451501db9f39c9545de86ad661c988a3e5403b1b7ef3d97f9ea",
        "93448f5baa2a521d47b4333b686ffd80785e4d5c",
        1291,
    ),
    "el_gt/weat8": (
        "fed022d1de96822580d41145c0e53c6a05002de431d992d6088e020dde75a08e",
        "7f433f4cf0452891e82ca1a2acd746f8a56b6f69",
        1259,
    ),
    "el_gt/weat9": (
        "8f1586e6292bc38459a17e025a7fd71b438dfa55e2a31294af9aa96cc7312dd4",
        "8400f9a58c16196577f7be74d735f6dd1bd942ad",
        1205,
    ),
    "el_human/weat1": (
        "7b7bd1677d12e63e237a78edb437ae24669ea20f18614d8e408b7e585907b6b5",
        "69711c9b47564d0b501c881ea080c7ba8611d2b2",
        3423,
    ),
    "el_human/weat2": (
        "8e24cffdf63a07d87224816c3d45ed1587fd40f5997ef8f9c9678da42041f723",
        "47d0630577f0ca043b58e51017a16677f6b4566c",
        3389,
    ),
    "el_human/weat6": (
        "5ecf24d4ba5d7241ef92995a620ee7a69628e4f71364750aec3fae2ce499a917",
        "85a06eebbbfac7cd88c2fca2833738fed6756325",
        1332,
    ),
    "el_human/weat7": (
        "19917afcccd944229f6d4950bc0d64bb2874a50034d0181c50386d64f80afc3f",
        "8698465faeea10ced61089436bb6f6cc696b8bd1",
        1288,
    ),
    "el_human/weat8": (
        "3160428c9c9d1ba1a9e664385ba61ec7cb97e21eec719fdcd5f27438a4c0a9ed",
        "e684870f85cc0dff66a16555d6a8e58c32534fc6",
        1255,
    ),
    "el_human/weat9": (
        "b7d65b0eebf03e8d11063a75d519cce10f6f73279a7d03798c6aa48a6f4806b7",
        "b9a13c3a67988b22f2983a7713a2985cc0ee46a8",
        1209,
    ),
    "el_new/weat11": (
        "a41f69b0e2fc398b59d23cdfc3b3c4625cfb4f1cc85e18ca6ef48a4ced3d1b78",
        "14bccd293d0d59a2e38d8d2e4e0b99e13b70baa3",
        2085,
    ),
    "el_new/weat12": (
        "d6ceeeab2542109f0338a383cb63212299e411e0065f39cd049aeab866478a88",
        "7955c3c9dc2e7dcdeaa5ac1fadbc1ed4841dc642",
        2130,
    ),
    "el_new/weat12b": (
        "79e165e1fc92d7ab980da8fbccc970d878e31f77000d498a8b5321d74d2a7349",
        "4a7a536c9e3d84f7ab5867e227167498099ce7cc",
        3865,
    ),
    "el_new/weat13": (
        "ce4744d6d89a3a79d5df9a251563da7e60426daaa13ab1da548d53f5c40fe882",
        "a6c0b7e4e82811b5c6b58b48303089093f94bee5",
        2189,
    ),
    "el_new/weat13b": (
        "477a78e277a3f7bce3087c491f9f9aa21cc6c9161cf2372c5e2039e6422ebadc",
        "2843663e0a699a4bdfba4fe71ef73905475837a2",
        3822,
    ),
    "el_new/weat14": (
        "a69f7c88e3ccd57e97572884e4ac38c21514c378c3d8289149f6699b573feca3",
        "49f0eb3188179dba55562ad78b9004beb66ca689",
        2494,
    ),
    "el_new/weat15": (
        "cc44cfccdeed704bd2b78438e25e8fd29737f55b40dd0547306819c5fc13ceee",
        "71c5119b6631a1773546a2403c93e0bea64910d6",
        2614,
    ),
    "en/weat1": (
        "3aa85e14d199bb2cc21339acceedd4b0d5d4a4a025edabcaa93c970bdfae9f0a",
        "04914f002719b1e2ef86e9d81a422444eb8cb746",
        1893,
    ),
    "en/weat10": (
        "b44c8a720e0e493dbbd06ad5bdb012004fa6809222e128150a56f5a4b5913c84",
        "b2f8a9ebcf751cce57e515243dc12556187c0d8b",
        803,
    ),
    "en/weat2": (
        "379fef51a255f8afd6123eb2d08b080e3a79f9c3f339cadbf4ad23a2b6b01ae0",
        "7f1aadf7eaecff2cfa828456df969d74b340c49f",
        1874,
    ),
    "en/weat3": (
        "8db551eab2c6ba8a6f49c50a8938db5d59f94aeafa482c7aa5d49b80d4d38949",
        "25d9834c5910ba38f7762ec40f099c8fcd9a9465",
        2123,
    ),
    "en/weat4": (
        "b92e08d926e44f4d426ea6b76fe107e38899fbb4fc076095943b495e23eff472",
        "afb268d232872249a5a6da525c16c662bfca9a24",
        1608,
    ),
    "en/weat5": (
        "7e1ac48a1c8b549200ce5e4c9ed7fd6f0c2c766485d04e73adee05358a9b3224",
        "cc1cda4076507916d7d88c907cd13f6ab71333dd",
        1063,
    ),
    "en/weat6": (
        "822ce51f5fbc9cf39917788046ad93ba52825dea5379775b0fac9ab365b07ae9",
        "b6a658e61e81173d48978c4504b58a212a8196ce",
        790,
    ),
    "en/weat7": (
        "829be7bf825a8968b1dee72526fb5db14062ce63535a1689a2e8e054ecf97d6e",
        "641a6366f9b418e9505d9193ebb59b5aaef3cc55",
        775,
    ),
    "en/weat8": (
        "0e51ec9864625eda306f49f71500f7b094f0cf562b8e6952ff9e6d3bcd122e03",
        "92e47fe80e5966c9f603958d4fb585f45360217b",
        800,
    ),
    "en/weat9": (
        "797a967fa7f0c41751b8643f3f00d8ebd37e93edcfae9b4b8239d8a9aa71d8a2",
        "687bbd5d3c8d582c7bdb588060a411ff3f807b18",
        746,
    ),
    "en_india/weat16": (
        "6700be23252fa5887209c966d1fadcc1867578e71a9cc7137083cec61fcc6b79",
        "13b266df57ee8e9f292ca842e2df56f588d3fbe0",
        991,
    ),
    "en_india/weat17": (
        "a325176f4239aa8a043dc1b996ef61ab430a39ee68c110e7bf6e16597d7d425d",
        "e6744751310f0ff184eeac6dff0825be20931bdf",
        979,
    ),
    "en_india/weat18": (
        "8903f6fa3ba6a2685b40fa40cb7762f0375e3ee0e0c3b33eab4561f3798d6f07",
        "add99a3398e759d9891b85067040581e223524e7",
        1023,
    ),
    "en_india/weat19": (
        "defaa477598ba428627d97ee023d5094956f0f0a1e5a2419adf436e3864c97f2",
        "a7c6beea41464274fe8aec331b1fde3e460b6e6d",
        1064,
    ),
    "en_india/weat20": (
        "f5910f73838c67cb16b30cee435c08d28b23afad166118c935a365b5f5edd1be",
        "9a5bcf523c15eab13a300c4cd152bb0d0d5f0f52",
        1005,
    ),
    "en_india/weat21": (
        "6285819f055c95a1ad8e5c6f24f4baa56742d65eeffb232deb677a6c660baf56",
        "8224f2811f29304d33d0320708291a447a26b03c",
        1074,
    ),
    "en_india/weat22": (
        "ae5ac0cc22a143ad444a21eabeafdd14c776021221b4c721149278a9ae186a69",
        "4feaec6e75bf1424c0527664c521bac682baf299",
        1056,
    ),
    "en_india/weat23": (
        "02aa76e8c172e10eff138c6f6bd63f2c36c05a9703b52d6a9ff03eb6b62fae14",
        "83fba4f7290bffad1fb8ea62e59f546978b71ad7",
        1060,
    ),
    "en_india/weat24": (
        "94062cf564ab7915bb2c6eda91d55b737a883963d83ae30992ca543094319290",
        "b3f2e1ad15959ae7223d04527f2b37eba563918b",
        1125,
    ),
    "en_india/weat25": (
        "4ad0e92c41c34d5c777672792a38cfa289c1eb82c48d1aba1ecef3e68b9a078e",
        "419bb4ac8566aa86d6cf5f14e78086bd6245e6e4",
        772,
    ),
    "en_india/weat26": (
        "ac46ead9d99337f701c5c73c32002fa74dfe766840eb979fa5e547df9f7c47ec",
        "7235e9fe83710345b51e055755579c5e622f668a",
        1068,
    ),
    "en_new/weat11": (
        "b62cf23a25143d217938b39e81c631ffcc93e28553e1980d641f8791012df63b",
        "330e13485e1b64ddeebacaa87095562a8c6c0c33",
        1267,
    ),
    "en_new/weat12": (
        "047bfa7246ea0f6e299366b15f97ceb5bda455aaf386ad9d0319e58e61bb0811",
        "63c89f941d80045ec3351ac19811b988cb530fea",
        1319,
    ),
    "en_new/weat12b": (
        "81cbdae6bb2068f6ab4f123a0896554d412956fe6d136103b70da49d24cd8327",
        "73444ad89cdcfdd92e11cf2f61b3828d9ac03ba7",
        1956,
    ),
    "en_new/weat13": (
        "e74b136446c39db47301e92ce2bbfb9053487dbff9526959e8f01b96f6c9688f",
        "e637843f59ab2da13f901e0020acb3f312eb9414",
        1339,
    ),
    "en_new/weat13b": (
        "141bb2d80c287ffb732684580e29e7252e60192626803e8a9928791b5a78a31f",
        "ee81f17e0f66e057284c9060242bbb66e32ca8b4",
        1947,
    ),
    "en_new/weat14": (
        "bf0f2563a0dae22ebb93a7e68c2e6824141e0f110720f6b61413a34a0881f480",
        "4988d9c10d00d790d1631dee5b497845d0500508",
        1364,
    ),
    "en_new/weat15": (
        "67250b7e9e091da01fbd843b1efca3e2b6e4ce92c9ffc24c581336083cc6a43d",
        "5e602d6935665ee810ea5db955342ec3f90b05f8",
        1357,
    ),
    "es_all/weat1": (
        "cc391079ab76ae73a8108de246ee13dbb4d276270fc8ea7d58bba727ba1f348d",
        "298663d380a2171abdb7aba53e9c72070a441e1b",
        3226,
    ),
    "es_all/weat2": (
        "b5fe81a4efaad4c9b175f51deb95d4a17e1ec66c65dab08ee224f383be7b5e5b",
        "5dfa756f578802b3afcb3d9ce32e07ea4e093bc6",
        3184,
    ),
    "es_all/weat6": (
        "4b2d030e6df49db05689d530e6ac99b782fe33cc5c6bf113b0b0b3811f40d912",
        "7ebe384df85d4c54b3403b575d3a5c3cd00d905c",
        1189,
    ),
    "es_all/weat7": (
        "f58dcb626dc0830ccc1fb6f9ccfb880cb9de7add6e5a36c041b054b4d6c2d22b",
        "44d543ebebb3551f36d9292021494e9e97409895",
        1333,
    ),
    "es_all/weat8": (
        "e90f76f74a49aa5b5aabaa8f36e0225987dddcfdc166207f83d940c46d202021",
        "dcd19f512a974e539f186d518aa848fc8436d7b4",
        1334,
    ),
    "es_all/weat9": (
        "c311556cfe59add7d3a61e997ab1603733a8ac0c6b984917e3a2bd9fe0689bba",
        "cbb380ef862b8e11d799a687c83f8b6106ff8cba",
        1218,
    ),
    "es_gt/weat1": (
        "2ee36c97c95dd6fa68315a7f8273c4ff034a815a80160b4698690a8fe56813ff",
        "92075b9e933cd2d09439af8e027521d3ac596bc9",
        2644,
    ),
    "es_gt/weat2": (
        "469c717f0e679f7e62b35f32f2cd5eb9fde75f14778646ddc4d7835eccb83f41",
        "376526bf7c4602d05832895a343a710255aff249",
        2619,
    ),
    "es_gt/weat6": (
        "27c5faf2997de1266a7e550a34eba2e877c51710b267f5ee163896e6b2ed6302",
        "11ed63ec8c06aad4b0fd747f78e550078e911405",
        1074,
    ),
    "es_gt/weat7": (
        "2009e66afde669f85211d4b7243b68e98cae40f93d87997b8f68e1e4577f87e3",
        "8dd536267b476ec3312017432e37ea7a30502fb3",
        1056,
    ),
    "es_gt/weat8": (
        "b4cbee1f142ec067683cfbeae595775da3120d8ec49f85fc89a29204b5457f99",
        "58aab31bd3a93f4f5b4080704de8139fda54cfb7",
        1052,
    ),
    "es_gt/weat9": (
        "cca9a7a75fde80d3775232cf6d32ac9aaea75dfa9595e5c6d8687444f4f90576",
        "1c2d93fc1f3070f3a3a0d6bf10e2690638d33100",
        996,
    ),
    "es_human/weat1": (
        "9c577c368937e49a198902e21ae399eb12b485cc7e365913e3a57d3ae4a5e725",
        "73d39f3c2de657c94d89ce484a3e808360db3f3e",
        2633,
    ),
    "es_human/weat2": (
        "8163bd162614be23fee04b84f42d927b045ecc68b32cde2552b87bac42395099",
        "794b75aeab22f21ae45b633121371e859d47c583",
        2615,
    ),
    "es_human/weat6": (
        "c7329f04958fe3104d38b0361071e329aa384d8952d888b9744ddf41366f71d5",
        "8d84865d70dcc600dbf7509d7cbb4e31b4979752",
        1071,
    ),
    "es_human/weat7": (
        "b2516124a0b7aea82d0b3734d09c257014724a5f71019441954fe7137a98fb69",
        "b3b5528a7586cc38da9f6d8d0f3eda5107286c80",
        1047,
    ),
    "es_human/weat8": (
        "422901f8f7a539af29c50c23b6a36956843f6ab82d6eaf41fe8a633ef4a8922e",
        "6fbd50809d19b57b2c95d9f33db401bd2ea3aaf1",
        1040,
    ),
    "es_human/weat9": (
        "571206b340e9b1d5faba5c82d66a294f9539907d9866a69e350f8eaa1d2ecbdc",
        "8d1ffac9dd4076813595c363ffc876e3ce64d925",
        993,
    ),
    "es_new/weat11": (
        "e99f350e97271578a8ce5ec643c45b51b63629c918e780093fe6de24681da9a2",
        "0897a86181e0ff01573f7f0dc5fc1b4431852228",
        1402,
    ),
    "es_new/weat12": (
        "4f8cc141057b06e71e612c89ef755552bfb56843f645f355b5a6dfcf6249dd03",
        "3ec8507b293e59d7b81c1ccb727606522d9b11e6",
        1477,
    ),
    "es_new/weat12b": (
        "867edc3dfdf5e99647ad9e4eecf239493efdf617c233a9cf1d834a5ef4f495c6",
        "f0a6f29ec437359ce852678a8533b35e60f54d07",
        2585,
    ),
    "es_new/weat13": (
        "256258a1c921d498165922c2292fd69f9ad1281299fc938d02f126e4885ee107",
        "d7d93d64ffb866cc2e4481a9154be51731eb51d4",
        1355,
    ),
    "es_new/weat13b": (
        "a8545ce3f4264d339bee055909043bfbfcd70b71d60e80efe8ebd47b3a43cfcb",
        "2fe430600679e40b205939022049212962238d23",
        2561,
    ),
    "es_new/weat14": (
        "eba2f6e77c2a57ddf4d70b96644dc4044a18beb7304cba6d8f5491ab0a43e5ee",
        "6ef082eba254a7eb69a4dc0b576723f002375a02",
        1368,
    ),
    "es_new/weat15": (
        "298ecfe93bb7a5da121345d9b815b2ba04c3ee4d485f509faebbdf7143e41d34",
        "cc0d083d5f610aad0a1ca03a27a9964764582671",
        1371,
    ),
    "fa_all/weat1": (
        "65f70f6dbfe230308df26188a960be7a93fa5610b1bcccef1b965cb55596bc96",
        "ca81a5bd8722bf863f85a17c340bbbca97e975c7",
        5219,
    ),
    "fa_all/weat2": (
        "12cd3a25177e8867bb9f4b96e45d889e4ff744d117b62656b2d57da5776e69dd",
        "58cc24e1e1bbd0595142cde747382d480b931495",
        5310,
    ),
    "fa_all/weat6": (
        "59bea4f4f4e118f9c4a5831392d6bb0de590959c57c480c578f39cb8cf7f6875",
        "62c6a57552b2d074791ce00659e485ea2e64ccab",
        1722,
    ),
    "fa_all/weat7": (
        "88ab9f69c02197f63b07f0960d474f6e34a4305ef27da04aac22eb598c6b9969",
        "611248e1ef7a1a5f32314a9465db5a7a61b5374d",
        2048,
    ),
    "fa_all/weat8": (
        "a8bcadcdd4330d0229a7736be52251c9755b3ce62a4a98e631eecc98f393d6a9",
        "d0c728c7206b290cf94c6cd60efe2825109ee3be",
        2124,
    ),
    "fa_all/weat9": (
        "18c364ee43442638c9774206a7dc642d6def3a63419deea9c08bd8343f09cb66",
        "022a480e6a45bb2680c811f60ec8473adbc0d21e",
        1866,
    ),
    "fa_gt/weat1": (
        "97b5503d2f3def928a24ed960b7b23c494aa648f1b586db3441baa432243a949",
        "3bb7d6a0f50fbd569885bccfc9174ef555fb9243",
        3038,
    ),
    "fa_gt/weat2": (
        "f97d1fe0d2f750137170b9aa40eb997a11067c9f713d82642d7ba3ea2b3430e0",
        "31aebe9c6e9ff34126bb3710dd7fe21fc242c95d",
        3049,
    ),
    "fa_gt/weat6": (
        "97483913e3cd22241f7e828eb20844e5fae62da7e4930db7eb4ddff5d362df74",
        "717aa6b540f9d7e3600fd7a3a8421909e8440207",
        1146,
    ),
    "fa_gt/weat7": (
        "226d273c97df11167861d1e7e200a014bae9b46192b16e22d38c646fb5ba0198",
        "ecf72bbfc01798a9f8e5f9def056a46751cf4c8f",
        1139,
    ),
    "fa_gt/weat8": (
        "e5a7ecab5894f1b0278db834645860fcd6f07cffb8e478f2e0ceb14ba0e9dfbf",
        "4e2e908a490c31aa77e69bc53e766a77dfaf8aac",
        1191,
    ),
    "fa_gt/weat9": (
        "c61e612f9a5613acecc8761ad3205fc41d196e33f516478cde231acef7bf1cdf",
        "84e00d6dad34addc841a0dd7be9d3853682d22e8",
        1094,
    ),
    "fa_human/weat1": (
        "6338a6cc9b789b1a2946f9df8e443f0f6162c8a1ec75c054fa748d3546a87394",
        "1518f3b0d50ffc810dcfd237aeff1e8771401c94",
        3023,
    ),
    "fa_human/weat2": (
        "73e25d6ffc7aed2039594128da515abe4dffcc97f362c1b5d7fb523b66dbd7e4",
        "1f6f6a01c1d2e0c7f52381c8be14a74efd847154",
        3000,
    ),
    "fa_human/weat6": (
        "c872d2ed82d5c4b0567fe53fc17ae7342a22447b6bbfc7d2f50f582d442aee84",
        "9c7b738d3d95660ab4d0d5b3666289a8a90b310c",
        1144,
    ),
    "fa_human/weat7": (
        "d9136b3bd7a744784d64d24252621c2afa9fd39d4c889762d9ff8e00e533917b",
        "353a9d3da20b2d9905861e2fe43fe39270d8fa7c",
        1136,
    ),
    "fa_human/weat8": (
        "7ca4bf885bba5a6d7da6cb9072318b5d1193acdbf7fb7d4a17e36837f41690f8",
        "7802013daf4306d0cb1dc638d620894b5326725f",
        1183,
    ),
    "fa_human/weat9": (
        "94c557fc5e60064a50c685a858e2e357fdba37e71ddf9701e4bd3c46aafb0b2e",
        "b95638bdd06bdc749726e4ec7a4bed6f36fae601",
        1093,
    ),
    "fa_new/weat11": (
        "53e947475cb76a748f677582d04facc0c540410b011cefbfae4653e339fa2021",
        "249217c4889384271e15e27b19649807376a6ca4",
        1867,
    ),
    "fa_new/weat12": (
        "440fd334dcfb8b30423b5fcc15342583638db7266bbf8b2413d0bedabc8c106f",
        "a69ff3e94fb00a38aac8079f3301e4018b289956",
        1884,
    ),
    "fa_new/weat12b": (
        "7fdb763adabdb42cfdae16293812499270f9be03a6f6ddeab36f536dbb96cc26",
        "3b034f26519c5ca31d9f09b6b120db6167eb8907",
        3700,
    ),
    "fa_new/weat13": (
        "b434f43c4bdaaca1ba7b95faa3a8e5bf3ce667dcd4fa6f02fa1ecaf5c0dd3443",
        "fe974c61a7eebbf15cafb1c23d6e861eee7e2c82",
        1533,
    ),
    "fa_new/weat13b": (
        "fba0bd20d078f5d36b757e66c5a3b800c5c85b7fb219f2ae6d153da064084c28",
        "e448220103a5c85aafc867ace1fd420a2f9fe940",
        3718,
    ),
    "fa_new/weat14": (
        "e4243a7539408c8e8caf9c0842bc83dc31b48078d9a0c4d9ca39455a1bb4cb4c",
        "626559a61d06dac95fe22e7f5647b9842f5699b4",
        1562,
    ),
    "fa_new/weat15": (
        "a6057a5fcc6188d6c53be4af1b647fd37e89c7627e87c5b3e3f2cac31ebe1e7e",
        "2144385d1a10d2d22981cf4515ff46be5e162fd9",
        1486,
    ),
    "fr_all/weat1": (
        "e77c2667ad6706096763b3d157fb0be5ee8f770709bdab52caf666f7d6aca9c4",
        "5a62b27d7e020d8b0b2caf01468099039b223822",
        3415,
    ),
    "fr_all/weat2": (
        "b4c61a26f1815b3fedf9717f9955763c9f81081988d61761c01e76cfa3ed705c",
        "477e06c60b920741772a90717993f4c0d6c6456a",
        3254,
    ),
    "fr_all/weat6": (
        "54ff158a88fdb78afa4570d9a4f561a1dbad6b985a97b17ff83add891fb4cdda",
        "a0f343648ffaf79c1f5312b8ec61905a5661ce96",
        1081,
    ),
    "fr_all/weat7": (
        "ab940cf3882cb62415649287f2bf425fab086b700a04026f48e86c4b16c2d0af",
        "2c774e1a4bb9c40e82dd0dad3dd2decabdedfe22",
        1211,
    ),
    "fr_all/weat8": (
        "b947223422b30adc6101c0039823f82701501b7643a3ef63def45210f1fdec53",
        "ccf3a9fb38f954b2ffeb03074ba6f3cdd98570a8",
        1212,
    ),
    "fr_all/weat9": (
        "56b3cbb68908c860fd45626a49e415906a04e60dba250cea1d0b3efbb69d29da",
        "85b3b81e811820c2a2db43fb96067bded3db079d",
        1009,
    ),
    "fr_gt/weat1": (
        "9ec2cbaeadc6887cee5f6160050ca776e4971004575be7dbc7cec1f096e9164d",
        "73a06074aa2c08e174f4f0cd2d3f6399bc613d87",
        2663,
    ),
    "fr_gt/weat2": (
        "5cf66335ade2c9edd531a842a4e342f29373893cfd8bf572832c8f75407a5b86",
        "95cebc80d01424274c9ba1933aa2ea39f3c5c596",
        2647,
    ),
    "fr_gt/weat6": (
        "9188b49218c9363ba13b7058d90d2b94a1cbeaf3b83de3a472fba6c9a80c8c8d",
        "2ef9785c30170429650416b7cae8eb6594a90c40",
        1056,
    ),
    "fr_gt/weat7": (
        "4ab11164f2b595172139dcd64fbda2fa59d3f7fe534fa87a189e7f775247a70b",
        "7bada463782d9441dd461b84d0c45b87f9c59eb6",
        1048,
    ),
    "fr_gt/weat8": (
        "25cafd981c4595ebbd52333dc0b004e2c67ab9b738a96a56d3a17b3aa7863825",
        "6636f39dd7435ad09312d3ec3e5cc1f6927fcfb5",
        1064,
    ),
    "fr_gt/weat9": (
        "dd5b568c8f1f7f072fbeeed158307f27933a1838871f7c47442f9dc96611e28f",
        "7c4241eeda6d8bb57eabada097f2da083bc4fb15",
        984,
    ),
    "fr_human/weat1": (
        "12b56ece6de60260956e3c6be9532008f7330f9f134593c2528b1b567dff5ee0",
        "fe6800ac05b5f9cec889b5909347199ac6c8aa35",
        2709,
    ),
    "fr_human/weat2": (
        "014f592bb64ab61b6eb60968715510c7bf650086ca5ea067310d1135ba0c0a8e",
        "76780966f72eb2e03b13ae680ad677c49fe49394",
        2656,
    ),
    "fr_human/weat6": (
        "54ff158a88fdb78afa4570d9a4f561a1dbad6b985a97b17ff83add891fb4cdda",
        "a0f343648ffaf79c1f5312b8ec61905a5661ce96",
        1081,
    ),
    "fr_human/weat7": (
        "b57e56fa174e33156dd327a2ab4618a2a7d04b4d445aedd7b59af0b608befc47",
        "baca3b04d210d13f839d00b0b6c669f7e14d066d",
        1046,
    ),
    "fr_human/weat8": (
        "2fc627d10ecd5a744da0909ca195230e178828f433bc1b88b7df5dcc1da7a210",
        "f4b9bb78ceea65e25e1b3358e408184f7e1ac559",
        1059,
    ),
    "fr_human/weat9": (
        "461bc4fe86fec298a70cd545de9a37731722912eae11d546a1c718537a099f66",
        "9e39b2e5dcacffb49d1aa5aa51802d4103e6a187",
        979,
    ),
    "fr_new/weat11": (
        "f2127761b25fd4adc8c62def60781176b92d251f3c1204ebdb35622d0b8c8c70",
        "71867512e3e8ba8bff6374c60a00566b84515949",
        1434,
    ),
    "fr_new/weat12": (
        "450132a37482dc7f9cd3e2ea68dfd48944857546d829e5c23f51adccb6a44b77",
        "3714612dcbc4678874cc9e28e39d26a4ff4e0e86",
        1373,
    ),
    "fr_new/weat12b": (
        "9e49fc8c6b714e1a867665a830ee762c066e99f153c1b488d78bf3f49a061198",
        "34e424903e1d50120d3a8a1e65bd55d6167e6864",
        2639,
    ),
    "fr_new/weat13": (
        "9ad0d1759629fff59460f74f69a5e3d7a9e67a78dfca3f4087dc1ec9ed0d2eff",
        "6326edfd4cd903b5ccb097ef3a2c3b0d9f547590",
        1364,
    ),
    "fr_new/weat13b": (
        "bc1026c7bf0be196c2f2d251db9af1f89bd5f0c595e482277e84663b9c1cb34a",
        "8eda80d74aeefe8c805e6d7294aab50c6bae9cf8",
        2608,
    ),
    "fr_new/weat14": (
        "0729b370f629a2b87bf3e29139d4aabe3b93745d720d40cfd89bb8b2a42cb188",
        "68050fd25ee6d6462d2250cd9fc05be0323792e5",
        1412,
    ),
    "fr_new/weat15": (
        "22c5093dcda5d954d1472514aef691732a1d563018e6e18901de6bc1cbcd4933",
        "793ddb737913aa575183bccdc9e96d3b842202ce",
        1404,
    ),
    "hi_all/weat1": (
        "52ba4e03100704ab55adbcaf6e072f8454cd9572739c0d578a74c18a71982554",
        "2b7ec4b50c882092587bbf99c61992ebebbdea27",
        4625,
    ),
    "hi_all/weat2": (
        "213a25676366023f943420452ee8fcc7e30b4493dab926e99609c34c814bf1b9",
        "695e06c97ba33193061bc461825fad36c7348be9",
        4474,
    ),
    "hi_all/weat6": (
        "2e1798e79f3c29360dac02d0ef26a06806f05b733a67084e4584f76a5372678d",
        "f32a4cd5a3496fd58b0687e802814abf6dc99b23",
        1394,
    ),
    "hi_all/weat7": (
        "4d1ff4e22216c25bda8a5c3177d8c5cfcd6485aab001f7605c06146dd8c3b0b7",
        "2967a2dd1349cabca40b904f712d006237ab0c9f",
        1749,
    ),
    "hi_all/weat8": (
        "f36f9e85205cdc9d0bf040e86a658c32b61617a8f2d1597c594d2bfc35b54e12",
        "caf34b841ddcd64dc66fd15d65d2e5dd67d521ea",
        1928,
    ),
    "hi_all/weat9": (
        "accd6e4f0ccf202e8ea4cba04143d537b501deb594da6337edaaf59bd5926ad4",
        "ab0b9d6564b3fe7f2356a58975cd09c7385cbfe1",
        1749,
    ),
    "hi_gt/weat1": (
        "f66fd401ad7c14501088d6b14d5bf9253e81a0439a489382ecd7cd3f915263a5",
        "1c2d9929dc356fe9b531f91bc41a09a279c5f19a",
        3801,
    ),
    "hi_gt/weat2": (
        "61c3b13b1279685e87d9150dbc81da2889a12f1080b269db08225ba3ef199121",
        "ab1a8a7c7055bbe89bc481ebe73fd2bcbc362193",
        3669,
    ),
    "hi_gt/weat6": (
        "8865a2c06c63a1ad9d1a8bb17df74e6911baebc169e0536e7d9b868a72f0c39f",
        "4e2eb8cf77d043f991956e85a9ee67b2dc2a41da",
        1340,
    ),
    "hi_gt/weat7": (
        "68b55edd039173a723d134c7600af9bf26e25f637cbd9a041a86a0595a385480",
        "63fffa70fba44ce23e42ea10bced90cc0752aad2",
        1291,
    ),
    "hi_gt/weat8": (
        "c03b261a71266897152e8ea1d2339050e00fca62db4796005482d12d5b9d868c",
        "035bbe7eb0366f540d2afd1c73b9cab32682433b",
        1376,
    ),
    "hi_gt/weat9": (
        "7252b920e3ea316d2b0299d89708edb9a94578a1a469a67149f9beb16a8f7f5b",
        "3062a0fa3018f97697bc69fadf1848ce30a1415d",
        1289,
    ),
    "hi_human/weat1": (
        "212d935545aa241a7760d386a92e938b088a213163506907790010df391666e3",
        "a6f9cfa5495f0cec338f0fb651d09bc79dad6dbb",
        3726,
    ),
    "hi_human/weat2": (
        "b3b79bdc2af72e00c2ae4714e944ca5431c3be9867f01c2490de206f85ed33d6",
        "aea88ea5f1911bad9da380b9622dcd651b5fd7fc",
        3633,
    ),
    "hi_human/weat6": (
        "2e1798e79f3c29360dac02d0ef26a06806f05b733a67084e4584f76a5372678d",
        "f32a4cd5a3496fd58b0687e802814abf6dc99b23",
        1394,
    ),
    "hi_human/weat7": (
        "93dbdb009120e5a18aab91c6c434961287f54186a56658d4b4470152957603f2",
        "339640d37c7788902118ac14aeb156d5f23fbaed",
        1292,
    ),
    "hi_human/weat8": (
        "eae59bb85925f0d859e87a12283f7b2921a46d3d8c4c48764b932c4b2a5e683d",
        "dd2f94c83c122d06c6ee83179edeb0f4f2a43147",
        1380,
    ),
    "hi_human/weat9": (
        "7252b920e3ea316d2b0299d89708edb9a94578a1a469a67149f9beb16a8f7f5b",
        "3062a0fa3018f97697bc69fadf1848ce30a1415d",
        1289,
    ),
    "hi_india/weat16": (
        "606c96c759b3c76ab8e1e910ce41890918fdd0dafac337b81d4b023b09bf772a",
        "d68709e5764000b3c923cc1d03ae697ece00e17a",
        1289,
    ),
    "hi_india/weat17": (
        "419088eec66cb05bf7db4f5bddb888721ca1ad341f0818bca70fa854c1ade731",
        "77df1e232e12900d4fce4ea3b8687c2dd2ea8e9c",
        1247,
    ),
    "hi_india/weat18": (
        "ebe9564be2506dab79851018b38b614027c74fe63dc7dafa8edb52d40a834e0e",
        "302f236b55ea3f65c8ae91a5f79d1bfa14ce5838",
        1326,
    ),
    "hi_india/weat19": (
        "708013a2aa65e47bdef3da868b84051926a6987fd62512adacf40872a7fbd393",
        "0c59be2feb3c6bfa50fe0a4bebd054162cc92fb0",
        1351,
    ),
    "hi_india/weat20": (
        "234c2a0ad109718b8aa9402e5a9753706a0fcc33bc69afda092ac19dce8917ab",
        "56d384aafd48c07ab8c5a7e212fdf415ec084438",
        1384,
    ),
    "hi_india/weat21": (
        "16d76c92d88e4b5a7f58b1d688ab7df8085d4660671c420a28e8e938e30a7bff",
        "b126113d8d32f8fb1e6aeb0cb2f321a27a029436",
        1338,
    ),
    "hi_india/weat22": (
        "c8719d75ef8b6d81ee66e4a3e0cfe8b52fa86df66e72996df7b610a63239e744",
        "bed08ece0af33cfc145ae71f5fecb56e49eedf61",
        1327,
    ),
    "hi_india/weat23": (
        "40d48b63de1ecbba9511539da13b3c31620c9cdef0a9dd3452803e020f7e3423",
        "7ed8122dcddb1067dfcb27634cd8064e46000b23",
        1340,
    ),
    "hi_india/weat24": (
        "e6bbb1f3ffdc0ace2e82862a33da60ff9c39b2f35deadcb2db141b85be082acf",
        "03948eef17a35f37be929b9fe200dbced649d58b",
        1388,
    ),
    "hi_india/weat25": (
        "db10eba98c409728303b4c64ad4acd0227e5ed11a27f4d31c0c92db1fc9ada9b",
        "472985ad3d1b40017786e7fb5f95ea9facbe47b6",
        959,
    ),
    "hi_india/weat26": (
        "5ec7d27ca970a52a5e0a186f403703935c1104efc4ff6a0fa0d39ac4fd369cfe",
        "355d0b6b9238412463fc7227a77b6b2fb7c0db71",
        1369,
    ),
    "hi_new/weat11": (
        "20f5c43df4df0c3c5b1cb57b1472abde12eba8c60ef11803add40ba267e761e7",
        "6d919c4548cd418e927da049e3e117b441bd7baf",
        1781,
    ),
    "hi_new/weat12": (
        "59a18a01773b58b99380e4156e697a98b283a1bf6b09c5d4a82a46356ee127c9",
        "caf500d26a8ae0535e247f92938adced78f4d36d",
        1904,
    ),
    "hi_new/weat12b": (
        "004c7b7977a39458b715d7e8fa7ec85e146e0f0ead8066b0fb804c0d550a8371",
        "5edd297b04e4557d78af8373eca06a6553322344",
        3324,
    ),
    "hi_new/weat13": (
        "d85479f372374b8f208fcf2c9280b08cf426af080e68a4941f4d68e5c3e46682",
        "7d3e576260a707245288c7aacd0e528e93d07cd9",
        1846,
    ),
    "hi_new/weat13b": (
        "dcd6274d315332fa26973bab9af6741693f0c18bc67224c2b6f441320d61ed95",
        "500279d649655391d8c07bb4ec15d91b2ce8e30d",
        3301,
    ),
    "hi_new/weat14": (
        "be4a87c11b4517b0d8695b2cc3deecfe6ce7d4efe7f84493e1e2a8300a7a98f0",
        "e26f721145bee05fa34ca574d2478057e735f744",
        1874,
    ),
    "hi_new/weat15": (
        "73144897a03f901f970566962de10b7e10cfa099b43b9223c0aa65f00bcdd5d1",
        "4d8a2bc9f2aca75605d07cc6a65851540b29d648",
        1833,
    ),
    "it_all/weat1": (
        "513994751b330ba9871b498a2be3058a39b7513f1e73e80ff4662b466bebff2e",
        "ef73e328435d10bef509253384004bf365e2a216",
        3164,
    ),
    "it_all/weat2": (
        "03cbec95b882089fe0dfd60921119c2e287b2a6629f0aa26b1aa19347395864b",
        "2ab421e8f4fbf80c6edbe05bd9a81ed28bd1e5f5",
        3271,
    ),
    "it_all/weat6": (
        "4078eaf37afd2e571c67e1bd496dd6449ba4384aadde49117d36e6826067b618",
        "907178aef64daffb784470995606542b90ec9752",
        1083,
    ),
    "it_all/weat7": (
        "4fc0b398c67572b0decbb46a80d620f4e4afdd00e573e8fd71e2f7e00d361ec7",
        "6153f467e2127c5751fcd5d112f4b673f12a2cbd",
        1210,
    ),
    "it_all/weat8": (
        "a619808a36272fb348a06666740b2bbf5ac9027d2dc02937c13fbc695848e852",
        "12a6af0c517d8d1f8f01970735557e1fa8c12ff0",
        1208,
    ),
    "it_all/weat9": (
        "607e3ae55c04e08f4aff0c20ef3d2da1fd62b9dff1f6e57074006f71fc6be489",
        "a631969fb284323384647eeba6513329678c8b69",
        994,
    ),
    "it_gt/weat1": (
        "b193e6a7241ede0753272dceef84e1f2c52f1d98696501774e2efd5545accd0b",
        "a926425d483026a1362200686d855340e0068c49",
        2658,
    ),
    "it_gt/weat2": (
        "172979a572751fc9326e121e0a8a5918a4ae174ac97756adb1c0cb5cd0a5bffe",
        "3597e9643849246a60f7c4162461b7316f8f45c1",
        2659,
    ),
    "it_gt/weat6": (
        "0a3a40ee2a158f26e6584ebd5defe3d3eb057b923d20bf93a5660d36c038998b",
        "728fdb5c140bb5d04ec47a824106e6a03c3f95b6",
        1065,
    ),
    "it_gt/weat7": (
        "76f5bdbe592aff47507e0a1e5145e8532ef1b3878823bb46d8cc020630587391",
        "cf289a3a19ace9b2346615e8bb55c0cb4bfb51b4",
        1056,
    ),
    "it_gt/weat8": (
        "226490bbde74e04d62ee473f543993480fc8e107652458f154c6b484cd417713",
        "a61de2ab1ed5f4bcad9281bf89e1968a43468b2b",
        1052,
    ),
    "it_gt/weat9": (
        "f603b2f6b77eb3eca432429a0c3c4982e6ba7f626f4eeb6ee2281135f4cbfd43",
        "06438ba3b31e2bb18a05a3af0219adac9f8a564b",
        993,
    ),
    "it_human/weat1": (
        "709fc6ec29f9f4c9e4b547ea47bd8e30d1d56473ab220196e7d87ebb36e40327",
        "99ecb4eba1d03b4a6994c51d6d3a42b62ad37ba6",
        2664,
    ),
    "it_human/weat2": (
        "d3114f7d0c549c5c3c00e671da21e9d1100cacd4e5852ec9ff19e20ff17ba52b",
        "59bc72e13fbcd6b0b88cdcf52f09e2c990e7566c",
        2651,
    ),
    "it_human/weat6": (
        "4078eaf37afd2e571c67e1bd496dd6449ba4384aadde49117d36e6826067b618",
        "907178aef64daffb784470995606542b90ec9752",
        1083,
    ),
    "it_human/weat7": (
        "106cf802be624bfad79d9e97292535f76ced270d8e3d036972bfbaa86d828832",
        "68fe1021ee331c9ce17e1f23845965604dd345df",
        1061,
    ),
    "it_human/weat8": (
        "29c18667d6782339e51d7e7f77485b9250746ab5e6f3b753281f1467acf37dc5",
        "0093006d2b93fa045f735bf2a701412cdbcae2a2",
        1051,
    ),
    "it_human/weat9": (
        "607e3ae55c04e08f4aff0c20ef3d2da1fd62b9dff1f6e57074006f71fc6be489",
        "a631969fb284323384647eeba6513329678c8b69",
        994,
    ),
    "it_new/weat11": (
        "917bd5ae9c85d0d0728afed50c3081a10902e845561ba54c08ee171738f2c0c9",
        "3dfcd4243446eff68301305c7aa5fe371333697e",
        1304,
    ),
    "it_new/weat12": (
        "e8b9eb29ef40e76e44111b1d9c5de95fa07698f8363a1d834728fa240f9f0a2a",
        "55e09a27ba0b5286744145cfa674bf1b7dd04980",
        1328,
    ),
    "it_new/weat12b": (
        "90bddec01689d1cd8cba6edd3c926742a50bc842fb0f827e0e1e5cfdf29f8464",
        "c718cbde157008cb1cf65940487eb665d1b5716c",
        2510,
    ),
    "it_new/weat13": (
        "9a7066fe1e852fd99f9ae81b28c3baaf4a55154908c23e3b5a9579c621c8c514",
        "557797f75f81a4434caa3a15f65d8929291bd53d",
        1374,
    ),
    "it_new/weat13b": (
        "01b671089035b22d00ee3a806aa9c33690d6b780e90021b183ec4e7a76584b90",
        "75c795d20b6b24e3721f2583a6e4c95f929e3e0f",
        2524,
    ),
    "it_new/weat14": (
        "34ab1fd73b3043e292e2bb7d192e8f0d55fe985a7c3ad7139b071dc4847af9ed",
        "9505534d587f451cd712e8738d583eee1c1be0d1",
        1566,
    ),
    "it_new/weat15": (
        "2c81d2c1cb17921346a5eba93ce99384e0562f1857566eb16e2361520216ba42",
        "3e72dffebc3eab716a094bbb7573d4d47ced9988",
        1591,
    ),
    "ja_all/weat1": (
        "2f7b4173302ee4708e53e030d4171aaaf1ec2f061966773b79aefb2a4d299e5b",
        "e7c767fc19b7f8f77f2fd2789a4ad71193de757b",
        3742,
    ),
    "ja_all/weat2": (
        "4838715422f0710a81910c8ca21983010a4649722055edcb4af7420fb10009a6",
        "78176c35df8e5c46bcad5798227eee3e1315221d",
        3692,
    ),
    "ja_all/weat6": (
        "c2204c116e86a156ea81f2f9c4a6b6ceca6d3d1d69f6c31f8a779dbd9a12f96e",
        "c12472b50d0df10d2fd482ee14e6240b8a6509a6",
        1435,
    ),
    "ja_all/weat7": (
        "33335add6d45e9449d57aa87a0563066f2b5498f7f492f84130add560a6128bd",
        "2c8dabf965c3f24665ab425d72af0697d17d87fe",
        1683,
    ),
    "ja_all/weat8": (
        "e069573ae592679fe37e474070aeb2f4d45fb8d25c3145a1b6b7e37e4a58e0b5",
        "4e016d3d2b792078ac5be7058f7dd8f99717de0f",
        1699,
    ),
    "ja_all/weat9": (
        "7228dad1bd339fee38ce0e5f9f571c89c3a2dccb553d0c1509cbcf871d09c65a",
        "a16b66646625b1dde25e1ac09285f1f73a59a8c8",
        1548,
    ),
    "ja_gt/weat1": (
        "cc3dcd2fd3680c3493544ae28c211b222ee5c47b6f6ce7a0bdbfa85139994e47",
        "6624d0473653f5f672f25ff0d2c9ea423b7fc619",
        2887,
    ),
    "ja_gt/weat2": (
        "4a67b17f3a5898a837fb5c7107e2a7bb3d43c795138a94d2fafa102271f16699",
        "9fa3df38e9d213005077bb9fa050bad47cb986cb",
        2870,
    ),
    "ja_gt/weat6": (
        "a04d5e3c177a2174f24602e98bd654fabfd3c84a2dfae3b1e488943b1c95013d",
        "328e94dd8d8f59f07f2aa0226295f42679449208",
        1130,
    ),
    "ja_gt/weat7": (
        "c5111621fd5cc7bc907e4d7265172d4b8d254a9031fd7a7878c7eda814535f6e",
        "94ce895d07147b6e1978edd9258cd6feac204045",
        1054,
    ),
    "ja_gt/weat8": (
        "aca48f57ddba70065031e4c2419c951c554d5b0277eeefdee134e2526b3cab97",
        "490faa2cad1a8de46d922036f1fb42ab0cf8f250",
        1121,
    ),
    "ja_gt/weat9": (
        "21a0c29a25651d921bb9e71d095c5fde795721acfd9a9064a6e6fba2319a38de",
        "e7087779f9e20c43670bc6ca5ce930536f3e8b56",
        1012,
    ),
    "ja_human/weat1": (
        "0dcbf5a9615bd7d955e76610c205fc77b434d556b638a46e06d80e3d1dbca046",
        "999e4dce3bcb39cb6d050f57ca0861bb6bf43ba1",
        2869,
    ),
    "ja_human/weat2": (
        "f4eca75b7c823b991956012b60096e657fffd72680431e090a4e7f2eeb688c86",
        "c62041cd36282e8b6f047335e078a0ee9aac440f",
        2840,
    ),
    "ja_human/weat6": (
        "a09e722931718bff88d4385b56b9fa85b551937eaf948d7c013f81d5764bd10c",
        "27b40720de6d8d6dcb89b8b66a5161e179bbe0a6",
        1121,
    ),
    "ja_human/weat7": (
        "72bca7effd7e883b995c85a5c9c960b7e53a629d287cf7e21dabf5eb6c46769f",
        "428665dbdaa26a5332d0d768b76887c4e88cdcdb",
        1051,
    ),
    "ja_human/weat8": (
        "aca48f57ddba70065031e4c2419c951c554d5b0277eeefdee134e2526b3cab97",
        "490faa2cad1a8de46d922036f1fb42ab0cf8f250",
        1121,
    ),
    "ja_human/weat9": (
        "7b375f38347c62632081e67e57dfeccf4df189cb13e1e04ae71f7945c8a40f5e",
        "5518d9deb4f0c15a0ae00031b681881d9dc7b99f",
        1009,
    ),
    "ja_new/weat11": (
        "c2912d5e7504d6c49226731da837e38ec7cf896d64414ca1e1fe766a74332e26",
        "d3506f9be205b86dd22047b981d614a0ed854058",
        1577,
    ),
    "ja_new/weat12": (
        "6c262097b8cf8cae37b3667d4bd68d40850f4ea28c835121b22074dac0e1f10c",
        "bc2528f2daad5e85e863acd46df67b2b4f6fc6b1",
        1601,
    ),
    "ja_new/weat12b": (
        "ad58a19f96457e395bf1c8dd676fdc857ca9c5e9c6eb27f1f5864faac42ec07c",
        "10538e3bfdae0ca5275eb43cd099c83c375478a0",
        2703,
    ),
    "ja_new/weat13": (
        "047572e6320d1495b4e6fb9440ea9fa477b586bc21e05607cfd810fd53befaf6",
        "b6f21e08772f9d070537fe3b64857e7310a1315a",
        1447,
    ),
    "ja_new/weat13b": (
        "54d6fbdedbe03b61d7219f8bd6610ae7336104dfc7b17a2615db71957f983622",
        "26c58fbc7d103847677a72e4c505e6a9e28f6619",
        2791,
    ),
    "ja_new/weat14": (
        "5a03345e6bf2f085b2e4a9c053ee90fa7b2fe40c60ee589b604bd24d2eb0ff33",
        "e05e440ed72368b6c93207bc7943550451dc630e",
        1409,
    ),
    "ja_new/weat15": (
        "ad2da36f73dc1ee655109d1a8cafd0ed5341f0e888af6e514ad4ec62c7e22153",
        "e4ec1c68d3957aab23fdf07e88162148fa51add9",
        1484,
    ),
    "ko_all/weat1": (
        "c608ed2d10be930cd3110d38fc211fd933f296f3e3f99111a69ad5d0d1184465",
        "5eab037014e57bef3466e4778ab48afa16784410",
        3087,
    ),
    "ko_all/weat2": (
        "8f2ff37e9fdd25341369471891aff4706dfe8e0d99023504f2506507c10ccc35",
        "e56c56038215c8addefa8bcf3cd9385470196573",
        3022,
    ),
    "ko_all/weat6": (
        "4dbbfc1461a52a7cdbc6c03aa88cd09b9c342aa878acb0198bd6bc0121bc09d8",
        "b97395aa758fbfa4d95fccbaa4e0234af3dac29b",
        1061,
    ),
    "ko_all/weat7": (
        "303b5731bbd062a822385396d69b842b472637cabaabcb79954b89cf052b4a66",
        "08416843350b90f8362329b40a622f084862440a",
        1243,
    ),
    "ko_all/weat8": (
        "09e335bdd90547de69e11f2cb3851850019f063e9ae0573a4b79a80014517837",
        "adeda6d29d627d8fb2e8ee88b0b1f98404e6bf4b",
        1262,
    ),
    "ko_all/weat9": (
        "cab1dd711dba194e9fe7fd5b5882903e70c6f5f96a85c956ee0d04956a3376a4",
        "ccce12f43e7aac5f16e7561aae2ebe14fe3a7266",
        1003,
    ),
    "ko_gt/weat1": (
        "ed19ea920b0421326e8f3143c21ab05de9307df9ee168f6484366c7485bcdf23",
        "082cca6d8e5d882b167975a0a13b53b11dc23a33",
        2734,
    ),
    "ko_gt/weat2": (
        "e944a351a456d7ba7da45dd427c6f90f1d6a43a8ea64a3210236f118dcc15270",
        "844abe43be65f7121df50566a9b923683fd62a63",
        2666,
    ),
    "ko_gt/weat6": (
        "1deee5eaa063623002248517166f911f2589bdc5ea2426d5f49ac1305c626d71",
        "a6c1504f128520dae01fb0e6d849162bf75dd263",
        1079,
    ),
    "ko_gt/weat7": (
        "9bef243324173d869524392b318e058ddaa10f3a1fe9b3ad7a776ffffbe5d6d3",
        "4e79386f4482430781220ab9c6f6e13408b47b87",
        1054,
    ),
    "ko_gt/weat8": (
        "1f93f618a6b6de120b1b025666981a433f8e29cca5168ab5b904d0bfa9cf4060",
        "d91c511f53dd6163c4b68e7e905b0cd8216aa958",
        1079,
    ),
    "ko_gt/weat9": (
        "500f69bdd7df64c98425b43feb809d9ef084d8b85276bfe043045f02c6a1e024",
        "bb931650cedaaaa0f3b89de9dbc0758e6dfbafb8",
        1016,
    ),
    "ko_human/weat1": (
        "43574ff4f40ac45297194ca8b92c83de1c589a9a04e7f9504fae2a0ab0f13c6a",
        "6790157e5011056c09a74fe14c6ad8705c4d0644",
        2714,
    ),
    "ko_human/weat2": (
        "7ccf6a66620cffc471aa8059b09270d273d7466339f300993b730af509ffa1c4",
        "ac76a46ab13a5486c1e0e3dbf8b02b970a1cf2eb",
        2649,
    ),
    "ko_human/weat6": (
        "4dbbfc1461a52a7cdbc6c03aa88cd09b9c342aa878acb0198bd6bc0121bc09d8",
        "b97395aa758fbfa4d95fccbaa4e0234af3dac29b",
        1061,
    ),
    "ko_human/weat7": (
        "2525c070cd8bf450dd353ea7af0a76853ab059a7aa69697aa0c2ef2145d786aa",
        "6b4444f8e8f739050c35a3da8b92669c172c89d7",
        1065,
    ),
    "ko_human/weat8": (
        "189754ba89bf54943d58b08fd3cf8a35e0c55f8fe28fcd8dcc97f0dd2c561c1b",
        "a6690893555139259e20c4c799b38ad1cbc653fd",
        1105,
    ),
    "ko_human/weat9": (
        "cab1dd711dba194e9fe7fd5b5882903e70c6f5f96a85c956ee0d04956a3376a4",
        "ccce12f43e7aac5f16e7561aae2ebe14fe3a7266",
        1003,
    ),
    "ko_new/weat11": (
        "739adee799465b6e4f15c4ebbae54bd83402e671f1b78114e9629a6223c5d10b",
        "0732bef865f95b1c3ba0e8b7215aba3ec53babb9",
        1450,
    ),
    "ko_new/weat12": (
        "708b918f2a4cc638be84ffb5fc3a71d23c17253736d13712f3f7a502c89adab7",
        "3ad36e4c2ea160016f596f3d6ee7a70bf194fa49",
        1568,
    ),
    "ko_new/weat12b": (
        "8a32a5fb3d3f96c64b3f07dadc432ccec3e99806914ef948824561f0683e0918",
        "1b77cbc490cfc46c6d8c2c26054867edf946a692",
        2575,
    ),
    "ko_new/weat13": (
        "7e634ef53e7295a1df81a990540ab6d85716df5508b995826778bbd88bde36f7",
        "ca6a06b51dd2ec5d9e9ca987edcbc563b533da5d",
        1547,
    ),
    "ko_new/weat13b": (
        "368b54fd3c5e904a9b574211a111427b339c1a192f9d8ec3805a3bf2cf3023c3",
        "78824860392ef94ee24ee4a3aa9994800a1da6b6",
        2491,
    ),
    "ko_new/weat14": (
        "a3d27c2e57ec73acf730b0d1da8b51e76b16a8a2b469ec9b2e25eb634c401f34",
        "4866bd927035e2c1597d3893397749a407bd3f85",
        1609,
    ),
    "ko_new/weat15": (
        "cfb4baa1f682cc6b9e56297405b07de7479a4f10e870c8aa4fde712044060b3b",
        "858e1529095f2604976305386014ce0ca4fb02bc",
        1788,
    ),
    "ku_all/weat1": (
        "f855e2117a933211c2769e725666c6ba023d85ca881befc284ed9ba4ffee1a0a",
        "424f757e2d3a47cb970fac79dfdbd0764d93bd12",
        3158,
    ),
    "ku_all/weat2": (
        "6e9c2288ce9a21cbdf31750e9919dce82aa4afc89f6ca9fb3324622d75b48640",
        "faa6976dbc13589874d2b9d3e0834a2df4a47e5d",
        2995,
    ),
    "ku_all/weat6": (
        "6ffcd3b0fe1c219984807a60946df08e0bc720996c404bbcb381db6244b05c4f",
        "5f7a84c64bbda51199519b216ead5aa7026dea9b",
        1031,
    ),
    "ku_all/weat7": (
        "812a0e979a25f4b19cb91bdc453a64b9fe7ac1b252adad23d51a5beb14131cc8",
        "a0d9ff530cbfeaba9cef4a70da03aa2ba8e37781",
        1160,
    ),
    "ku_all/weat8": (
        "d59eb2321ab22a914303a96befc138811cb514263580bbe0ae9e5abbbf6177e9",
        "750f85756da7f9bf34967f12faab42626e5ca81b",
        1164,
    ),
    "ku_all/weat9": (
        "32ede24601dd9f6872ae5515a7035df51fdfcc6dce946f2cc841ae66d3a73221",
        "3853ae8fb3118a50b7a4cad4f77ea548ac2644b0",
        950,
    ),
    "ku_gt/weat1": (
        "3a2019aa20703eeb45a3d091933ceb3d5b2b75c18e434d28bb2935cd8a26e99b",
        "7f72edaf240886826524525baab617a46d4ce8af",
        2649,
    ),
    "ku_gt/weat2": (
        "8970d22f8b65ac24dca0708b4b6ca722c24023653e9c9667b7472f81209ab134",
        "7ac059dbf0877fcbb959ceeaa500ded35dc4b20d",
        2635,
    ),
    "ku_gt/weat6": (
        "9c38450f7d343676006224b42470ec73fbd02eb6359e3b836427424dbaa086c4",
        "e809119da0292c812d34f689c74c36eea69e3c50",
        1031,
    ),
    "ku_gt/weat7": (
        "d6e5bb8ea61e3d665bd0bb7c2bb8c35b8320789149e5b31c5abe0ae3733caa1c",
        "88014cd776d0baac7d679d12b9c884f6d35d1976",
        1017,
    ),
    "ku_gt/weat8": (
        "1d9e7f8cb62c82e781cd6b90ef72e7ea12e079e7f967394d3fc6807f187a78d2",
        "a6c8878a09c86f5931403d683ab610f19ae06ff0",
        1033,
    ),
    "ku_gt/weat9": (
        "7cf6644204f5e27ceb9a8b16534b78611c2067e9052beed46452db4cb73d7c62",
        "26b716583883cf08853aa3cdcf19a515162700e9",
        947,
    ),
    "ku_human/weat1": (
        "4dddfd70fe91d3dcff195df9fc4fe96218469ec8d3d69a88b3e3b1e857008baf",
        "6fb4f93f4ea07c37588a781dc0c4fa5232f2c49e",
        2669,
    ),
    "ku_human/weat2": (
        "14e79d2b74e068faba417d0bb19688dd73c55d085d79a6f814930dff8a49dceb",
        "61c7209e28b4962a4e878309fb768a06518757ca",
        2641,
    ),
    "ku_human/weat6": (
        "6ffcd3b0fe1c219984807a60946df08e0bc720996c404bbcb381db6244b05c4f",
        "5f7a84c64bbda51199519b216ead5aa7026dea9b",
        1031,
    ),
    "ku_human/weat7": (
        "c5c956f56438cbb68fc2c92ee55114650450e3abd2436141005afe282edcd482",
        "4c3a4af9d721fa90fed1fc9dff4207e484adb53d",
        1013,
    ),
    "ku_human/weat8": (
        "ba4222025b95512884671a729e6215ad3a0a2bbceda751957501265685530cef",
        "1794c29df7739acd509f75d7bb569401c42c24a0",
        1024,
    ),
    "ku_human/weat9": (
        "32ede24601dd9f6872ae5515a7035df51fdfcc6dce946f2cc841ae66d3a73221",
        "3853ae8fb3118a50b7a4cad4f77ea548ac2644b0",
        950,
    ),
    "ku_new/weat11": (
        "86798b8e773e1b3f4d3ada427e5a63e1393329cd046d12f659ecce7a0f01a3bf",
        "b5d0f4dce68bf5899c6487ef3ebeca8ed152f466",
        1256,
    ),
    "ku_new/weat12": (
        "6efece2cafbc91dede8b5ea0da63a9d5e9a0ccf28f0614f70f062f3f77b9cb10",
        "e5ac5bcf7b4adabcf4beb3d5cdd931bcc4f64375",
        1326,
    ),
    "ku_new/weat12b": (
        "51f6bebcb035556cfb2ad9744bc74522be74114f8bcaf61f9d00931d2a63601d",
        "870a6dd5f1d79c857bb8a6d016e71f1628f85928",
        2423,
    ),
    "ku_new/weat13": (
        "f962797f3b25c45d41a990a1c0b52262a8243415dc223c06dc3b15c7d6655456",
        "95901acf32252ff1f5b2d4e7cfc39599ee9cd91c",
        1343,
    ),
    "ku_new/weat13b": (
        "12a100938647c12fd349249325d708d4db247010810297ad516800fdc0d67ad9",
        "9737d9b58aff5320e10cc88f6ac8313fc1f1a4e1",
        2390,
    ),
    "ku_new/weat14": (
        "3b87014d09090e0a5222d04b6ba90f2d33a537d1ed3d30a4a81051fa924f0f9f",
        "009510dc32a928b62fd107f7daff0612b8179c4d",
        1353,
    ),
    "ku_new/weat15": (
        "12669b8260ebae2b8a7401f48d20d467beffeb16393a85b1dd3fe7aa8eca9f7d",
        "fe80f1bae8d5e99ba16775401f91610d745e842d",
        1363,
    ),
    "mr_all/weat1": (
        "246d0fa9b8b3df97fced3aebc08ed8022faeab7a60c27003ac3c6c2ce79fd03b",
        "7026b1092252b4c18d9b8111908ac34bec82d2c8",
        5385,
    ),
    "mr_all/weat2": (
        "8e1ae6c925e4eefe43c345b0120c6297d5840e12e22e73bdcfe355ad2c081495",
        "326b63dd680b0ef8f3909a30a274873ec0b30506",
        5554,
    ),
    "mr_all/weat6": (
        "88797b12c38892b260b199c3e692fb439bd0eff7fda0cd7d98df862fe8171357",
        "7cd5ea8355cb00a4c36578638283d6016b3345ab",
        1749,
    ),
    "mr_all/weat7": (
        "76572644769d963415d0399042fd7f3fbd2b8fb0c1ca14108a75f41f0a29e738",
        "90dbaa6f2475f142aa9546200d348b685baa27d6",
        2343,
    ),
    "mr_all/weat8": (
        "0add3103ed418d4eee5657ba0ef3477d14c13a0e4098c7301c83e1646fdfde68",
        "9a185494fbeb7be02eb2a9a583522d4212eafc8b",
        2671,
    ),
    "mr_all/weat9": (
        "ae325504b9f51199faa144ec5c1d6e1af561bc959e7cd3e80e8fda3205fcc623",
        "27b46034b806a3d694c01aa06e8c3c68a1ca040b",
        2457,
    ),
    "mr_gt/weat1": (
        "d93e776e5459d4c62b5a3d96a05cd578a32210d30ab81665707b78ed4f58e155",
        "a2330ea512ca6a240f68ff59a11b22b0e628659e",
        3640,
    ),
    "mr_gt/weat2": (
        "be2ce2c1c2acff78bbe8cd4d1a89260ceea5b3390a64ed3e0e406512fa25446c",
        "d9d1dbe99a91188c65e5420ba2af4f50c867599f",
        3647,
    ),
    "mr_gt/weat6": (
        "3dade6100ca6c710bee6627b39484f4d3f1637f7b2f4f0b751d0084b3c9a199c",
        "825949fbc9bd2daa198eed680d9acc3f97765fa7",
        1364,
    ),
    "mr_gt/weat7": (
        "ec28e053b566164391895f69df44748b673013428a8618a596928c16e7027750",
        "26a5393651e5d90a7fc96cbef2e9ad913838a9dd",
        1343,
    ),
    "mr_gt/weat8": (
        "e5362938c44d2296cf97c122e26227a9695df5d92c3b3e57c43dfcdef88c90e1",
        "3d7ade6a22fa38e761b1687cce7b5d5fe22f8a28",
        1399,
    ),
    "mr_gt/weat9": (
        "48fa49bb7d268f2b78f5221f4f2c5a7211cc59ea7bfa4784172e2a5c7c121e25",
        "20fd73c435981ac2e5438c2cb035b7335202ef89",
        1220,
    ),
    "mr_human/weat1": (
        "7fbd82f14d10b4d79a42321196496eddb76b3fa88a619d8cd895bc8681af2a50",
        "f3c0338a5b7449e0161c39ef3ef4b946cab07941",
        3695,
    ),
    "mr_human/weat2": (
        "799d965033ea19536127508da4024e2a48bbaebbb516c78d3d69e409010d7d3c",
        "40b85dc8eb15f8fd74e54d7b9f2b6003814c08a5",
        3733,
    ),
    "mr_human/weat6": (
        "9e1ed0b8e710dbc975e53011c4e434642708c39f45510ee4358fe4f1b12484b1",
        "fae2de3da48ab0ad69fc04e96bd1c6f8defadf12",
        1443,
    ),
    "mr_human/weat7": (
        "60b960fd127f09321c5cdc7d741981f7e56763cdafd1b3d0cb338f3641098440",
        "f704bac4cb9f565e33c28d2ac07d19654e9e6b9c",
        1340,
    ),
    "mr_human/weat8": (
        "e5362938c44d2296cf97c122e26227a9695df5d92c3b3e57c43dfcdef88c90e1",
        "3d7ade6a22fa38e761b1687cce7b5d5fe22f8a28",
        1399,
    ),
    "mr_human/weat9": (
        "81065fdb9fe0e3d16c52e502ae7d56313899ed1e7bef37305a0f3a87295009b2",
        "e48afab5cfd12deb2bb874aefc9f052849d0455f",
        1253,
    ),
    "mr_india/weat16": (
        "460e7de6b1227925f373047253fbef67df99b676dcc664a9af6d68207e0f19d1",
        "87e130ae758b18ba6389c963131f54e174e701bc",
        1356,
    ),
    "mr_india/weat17": (
        "0352959e3f80e92739f766d6e3a7a0a38d5aefc075707b990dcb16b0be4512b8",
        "d51b4c76a50685a4073ab5b9af057aae4c6e96e2",
        1298,
    ),
    "mr_india/weat18": (
        "e69ea8a30dab89afebfff6bdb0d73bb8b61a9db48dd928c85a15c7cc5bedb0bb",
        "101ca75eafcfda613d3328b25c7a14d89bfe722e",
        1417,
    ),
    "mr_india/weat19": (
        "be75789caf129f354789d5e2b8954754c84ab190c74184d442b05a572372a689",
        "b8cd2efb238d11b93b49a51c491fd2296ea15575",
        1390,
    ),
    "mr_india/weat20": (
        "9519213c49b69f3f6a0c8681b304c767d64ad67c2cdcd90fbc27462e9ccbba1c",
        "bfb10f51e64d49d0a5203001d7e25c9dd0a147e5",
        1384,
    ),
    "mr_india/weat21": (
        "4e65b3343dae36a0f2cec566e39b0f227090185cd2b23020fce2181c10b1c972",
        "0f9df0ba2e30c72726ede5b5e4134220c55258fb",
        1407,
    ),
    "mr_india/weat22": (
        "6a2446c76dab8d5121e3ed6b59730158a13666f0318101164413834bc723c207",
        "1132015d161e9296ed982b196bfa9c88f5f88cc2",
        1366,
    ),
    "mr_india/weat23": (
        "1e68b093c2bc46de29eabb4bb548539faf8e4a049290e5ed09462cc966fe15df",
        "05d118e8bbaafe7d0d0dcded829f5215d36b6a6b",
        1313,
    ),
    "mr_india/weat24": (
        "bba7d396b371df682212b67a464ac732db469ff64c1f09acb5a2b10198183bdb",
        "56ffad14bc38138176928c55b80d19e64aa60005",
        1382,
    ),
    "mr_india/weat25": (
        "fed53ddfadf26583d67a3e181ac7a46cd3cdbe659d9b3713da8e226334128a68",
        "b7da428ecbab2e466e5596b762fc104547599bb3",
        944,
    ),
    "mr_india/weat26": (
        "d16cae29c40282a4d65f7ceb712ad1ea314a15feb07dcefc7ab6ac132efdc0d2",
        "7df66295ee9da0c86038de49da3bf1cc8e381596",
        1433,
    ),
    "mr_new/weat11": (
        "09dd0dc870c6375493b1b710d1c80550a50b9bccf28c6d8b8a8f966d1cb28c20",
        "6552421e7f6565302d8c6569a8d493ad450d01ea",
        1890,
    ),
    "mr_new/weat12": (
        "ff76964cbbc2ba6e569d1f699553184dd405ca807931a4b2d5e1c266ec16d5cd",
        "fc8a0be503a78b072322dcc090374b928f0223d4",
        1991,
    ),
    "mr_new/weat12b": (
        "12f060acd7ab78bdda6740cae8d08f8c6296838c7619b58f0c1a964446eed1dd",
        "f7d08cf6da628f804d67ae5f7649c87959d2fb27",
        3980,
    ),
    "mr_new/weat13": (
        "8251cc2a92b2c27e2528639cca5482be9f6411c061e2047f2b195ee184356238",
        "37c4f1d699650b9dcb4bef8facb09c8fabffb7ef",
        2005,
    ),
    "mr_new/weat13b": (
        "73dd12f596b311f284bb6a43b0da5aa4526945d1f6aee1814324370df71295ae",
        "3fb2c989068033980dc7adbb18d1239b3c0986cf",
        4060,
    ),
    "mr_new/weat14": (
        "34728e167cced638ae2afc43d7c24d9c5c891bb9dcaecdae62fef0550155b2c7",
        "5edd4c2c5dcf1d844c553d38666a58a6f7d96ce8",
        1992,
    ),
    "mr_new/weat15": (
        "8e5174b4f1f9b5a3c3371a7a97d6429b0405c381ed5c41e75c0efa25c6eeb93d",
        "d7e391422818859aac11d791bb3f5a405027a208",
        1975,
    ),
    "pa_all/weat1": (
        "5d32b1f4adfd14f03fbd5ee299adfa47ed14cb118e09252571c052833b6f5e3f",
        "5cf0d372067a81f0f73189dcbda2710c2fde6b58",
        4089,
    ),
    "pa_all/weat2": (
        "2bef0e5f627ac7be24197b6dfdff49f0610fcf3751d6a45191619e5316af4740",
        "b3e6aebd73296baac668703c3ce2e26da73bbeca",
        4006,
    ),
    "pa_all/weat6": (
        "01a7aee56c51a320e11df124c5f03d7ff6e4b22c249553205658a5afabf2366f",
        "a6e02fddcee8d098d261091ba183ebf03953daa7",
        1435,
    ),
    "pa_all/weat7": (
        "ba56c2756e620f2ff6f8b850fb746c998958fa28db4564661bcff6b0ea5b80a3",
        "ade78279130950d1ece75969a1f4df7b6febf64b",
        1449,
    ),
    "pa_all/weat8": (
        "72d47fc76209fdb8ad1cea22f369b4c2ffcdd6ffef30b0c233054471f56a768e",
        "fa64e4b822ae3b5401c3a4ec1f04b159d9ca4b8c",
        1508,
    ),
    "pa_all/weat9": (
        "29c9b2e6f8567f19ec4ccbfe7b8ca16143486e5a993a76f684631c352d867398",
        "e8821f5c431e4a4888490e8cf46e598caf3c40b0",
        1231,
    ),
    "pa_gt/weat1": (
        "11b0708b2b9a8ab67362c36421692d52030158766a61e6851b184ac4ddc95507",
        "f7a6d242cbdb1d8c03e8c835ddf4dfe2611ef0fc",
        3600,
    ),
    "pa_gt/weat2": (
        "f4c9e5ed7da4bb67dcc56f8f1105ad04f60ed3796f012afdd2011632e61fb5fc",
        "308185b230aaf3ad1e8c3b63c6fae8ea32455518",
        3510,
    ),
    "pa_gt/weat6": (
        "95308defd77d92e9561056986d1c15b9e55e6cd3f13dc31a33f2dbb35d3c330b",
        "f66b1c56ef27560e3c93ad998ec063eb46e870a0",
        1326,
    ),
    "pa_gt/weat7": (
        "d526c7075b9a707c080e401e4b349fed0b865fb2f2f7ae1d83f8f5e941dedc02",
        "4592f13362f36cabc131abec4c4e406a2629f770",
        1249,
    ),
    "pa_gt/weat8": (
        "01981781961a3835bf1f7cd8b8d07bf986367a65f6e39a2703996e45d5f6875e",
        "72fa04b7903f983e6af878dbb6a71a12c1443838",
        1314,
    ),
    "pa_gt/weat9": (
        "d6d62b97facc5261b9c043310f0e725cb85db808a83626378989b5f0ba19da9e",
        "4a5ecbb32ea4a991663263552f92878bfeff7160",
        1189,
    ),
    "pa_human/weat1": (
        "c132d6021d6b3eb245b356c56afb2723a22e445ef32126bd6c0e86ede7248bc2",
        "905ecc44d0292fb51d20dda18852a8232270d7d4",
        3602,
    ),
    "pa_human/weat2": (
        "b1f90fd0547600efefce0e316a7681b6d2d71e196037096098a753a3ceb53160",
        "e07374b9bb92be0f9b4d5895476e04bd0318275b",
        3519,
    ),
    "pa_human/weat6": (
        "01a7aee56c51a320e11df124c5f03d7ff6e4b22c249553205658a5afabf2366f",
        "a6e02fddcee8d098d261091ba183ebf03953daa7",
        1435,
    ),
    "pa_human/weat7": (
        "62880a7fd6edec36276a3e528a1f06ed45825495a99458cd88bd665393244b9e",
        "f290e5cf5477c286d9a357f1c4227b2e984bd063",
        1241,
    ),
    "pa_human/weat8": (
        "42160d07734498759d29a994861ed722e2f708a81433b3dad83cb4bdde5ce065",
        "45b9746a5f38734324d4a236e146b0e6be127bde",
        1306,
    ),
    "pa_human/weat9": (
        "29c9b2e6f8567f19ec4ccbfe7b8ca16143486e5a993a76f684631c352d867398",
        "e8821f5c431e4a4888490e8cf46e598caf3c40b0",
        1231,
    ),
    "pa_india/weat16": (
        "3640894449c5428ea37e517413dcf2a076960dd3e517a0e039d3ff1b017f70f6",
        "d3111e8f9f30b7567f1b4d20412075049860d0f3",
        1317,
    ),
    "pa_india/weat17": (
        "87e460a3de6cd43135784cd4baedd8dc0f9ef31c34bbb933c4a7abe62d3789be",
        "d780261276cef8d60c3274eabf1179e3bf2d843d",
        1269,
    ),
    "pa_india/weat18": (
        "8a81202794030a9abc0996a02a85ccfe340d2c1f8d2423e32a31de0bf113bf49",
        "dc76891c6d890a0fb6eb2857791a94aaff52dcf7",
        1314,
    ),
    "pa_india/weat19": (
        "e8cde0ec9fb51f6de6793294b5688d8fdb2495002df2505b8724900a2a639e0a",
        "0d8b9ac4591581840186c7abfda3ccc8a897fa37",
        1325,
    ),
    "pa_india/weat20": (
        "b4c8b3b9827ca7d9a57d8e60d7fc91aa593af1a024433526f7ca362beb61205e",
        "cd903a3d1bf6bcc4911fe19ce2f81717d3a2d1e5",
        1295,
    ),
    "pa_india/weat21": (
        "9121acf3c79b0401535faf432e3f95e2273daf5b78f909bcd6e998ccb835e415",
        "f615ab357e37844cdb9dc68a1779d5d4b4bf3c58",
        1321,
    ),
    "pa_india/weat22": (
        "d99a8bf2d420a9a03a3b8209c45ea203db517b57f0c58f739190bdf0fc66d733",
        "8bfa4cceb010c98307e92df7fb0e37cd5bca934b",
        1316,
    ),
    "pa_india/weat23": (
        "65b1edfc9687b02436fe20a5ba4aa094d7d5dd0f96c9520e2596f7a8a50edd8d",
        "282414f4b297d8cb209e5a4493d10a79c441bf67",
        1326,
    ),
    "pa_india/weat24": (
        "2f2d10e833a036dc60f4aee28e9d4c117de2a8c75866eddf9ab3b65ab16a006e",
        "f17c2f5a14c0fdd3b5f6bbc04548642e64c8724d",
        1371,
    ),
    "pa_india/weat25": (
        "be7e91d6c37a0700121950c6b5c925bb0165dcc16285ab1dc33b79605b0fa2bb",
        "9d5e19eac8d8f791931d63ea899906129858f992",
        942,
    ),
    "pa_india/weat26": (
        "3f63a700dcf746030692e5ae35bab50e49bf337550bf5fe97ae70975e464a0ca",
        "2d65677c7497aaeccab53c13b3ab81a8254b56ee",
        1379,
    ),
    "pa_new/weat11": (
        "52e9dbb6e7e9bc69a71abdb19e4b1178da34311fcf85b90774f9559aa2d6b77c",
        "0f13313164dc3aa248bc967254388d71cb6c1de2",
        1612,
    ),
    "pa_new/weat12": (
        "e51b042e7249030966e1ebd2c3b39d0c592bbfa5bec3f700f2b13cefef88e552",
        "31f4da3b9101f1d1492db5813e44a5ecb728c660",
        1727,
    ),
    "pa_new/weat12b": (
        "48fa96acffaa4dc118feed394843dfcc9be65c1e78bf4fcaa1fcae4557b2a36f",
        "eff9555d26654e6f54a75fed6858342a891412ad",
        3218,
    ),
    "pa_new/weat13": (
        "63efa9833a7d3451528499a53f5a923ae5914b725cd6ce41a29a54b4a6d7a2b1",
        "50e6b4a63c6ed2e225c7d39974e22892b348e907",
        1896,
    ),
    "pa_new/weat13b": (
        "78b2cdf247245f8ec592bab9a4b8c47edd5bd7b4df77133a5e69220ea4511f83",
        "e630c3c09d91e3dd455fc04a2c055a72d7720554",
        3249,
    ),
    "pa_new/weat14": (
        "643fd3077c6ab18a3ccf9196b3d6f7a32685612409d9354070823b7fcd03a930",
        "7fd206d8017c6c8bb90376122fe84342c2eb5da8",
        1819,
    ),
    "pa_new/weat15": (
        "95b92ae93b6e30ada36d2f09e089584ccdc55110fcc3ab46d63e93be76a56e2e",
        "2656f2ef597c83eae5f8b68cfc08bde641d6eb2d",
        1806,
    ),
    "ru_all/weat1": (
        "27340cb4571e802a9873570d25930f7f663f6ddfc114af7a185b671af9e9f740",
        "0478e369f0d8b2aac1554c12e4fcb63aed16828b",
        3952,
    ),
    "ru_all/weat2": (
        "36e8983af6dd9694e4ddbb16aca7cca017a033719326b708fee483ae42e9669d",
        "d32a73eea0a3e17126dfb3dbc265248e68c7780b",
        3817,
    ),
    "ru_all/weat6": (
        "043d2c60fd03b731e9c9d741e02c38677a100d9551155893521cd5fb0f6455a8",
        "1e8824faab873db48cd0e6f9ea7776367e5cc5e0",
        1265,
    ),
    "ru_all/weat7": (
        "1d9988ed6fde3e57e426e207b3e6d6d380a66a3a4bd33ef6ddfba3006d8d2574",
        "ad38f46ccb58c7b3d465d4559c074f29bdb83a24",
        1449,
    ),
    "ru_all/weat8": (
        "edaaa708fec6d1507914a0db9002df8fcd7245c1a3b624a636dd6253edb26c84",
        "30f5192d412cc966a61b2cee02bff504b46d88a3",
        1413,
    ),
    "ru_all/weat9": (
        "88854e5f78e4a596b80cc4dc81b8f5c05fe488bb90bc25421750f3be8c8099bd",
        "e45d6e21cd4f005d9f5ec6d216b1bffce2dd5149",
        1228,
    ),
    "ru_gt/weat1": (
        "2e883e116f573354cba27f60ab7115e9cf2bbf7a92aef542f4b9e056ce47cfa0",
        "405bb7d35119b90bdf80542c0bd8a88a9f3d6df0",
        3291,
    ),
    "ru_gt/weat2": (
        "1d6607fd7bc764e14ab281ec1d81b6c24d4a9731bc215e3025f957381404f8be",
        "8aa2876306cf269a270015ed3ad8ef97cf65330c",
        3289,
    ),
    "ru_gt/weat6": (
        "a349e02abfe3565fd9ff346345266097843c742dc25851443ffa6c7d4fbf9237",
        "36aeb8fe4a5b331f6d17da44888f3754ec7938b5",
        1267,
    ),
    "ru_gt/weat7": (
        "8668d59934d7be2b3d424873c899dbda598f80a615ac67b9e790249129e68e72",
        "513c3ddaa0e719e37b433383f8d565cc609fae85",
        1254,
    ),
    "ru_gt/weat8": (
        "01cf3d820470804f08f35ba0c5a55dc10167ba6156672b352ab6ba6af4a63f56",
        "72db76ed8673de275e00908d3ae119361e17560c",
        1197,
    ),
    "ru_gt/weat9": (
        "0cf259d97871a2b7fd11bf2fe87dfbc694bf278369af848be2f09156c821ca28",
        "ba2f9f58199d5d06aa5d256a052942e54647144f",
        1235,
    ),
    "ru_human/weat1": (
        "9a677ecc6d0fc42b14d3c5ba5bc74ffcc9666ad0170a129d3f76d03e83bddc52",
        "c7a1204e95b84b2af1bbbd2f6d01ec6bb3a68b48",
        3291,
    ),
    "ru_human/weat2": (
        "7ba0780aa97a67d56dcdc97a63d27f480110d5819df33dd1b78c321af4ef375a",
        "420e440994256e08afd962d82ac388b2b789d557",
        3301,
    ),
    "ru_human/weat6": (
        "043d2c60fd03b731e9c9d741e02c38677a100d9551155893521cd5fb0f6455a8",
        "1e8824faab873db48cd0e6f9ea7776367e5cc5e0",
        1265,
    ),
    "ru_human/weat7": (
        "f277d0479aa9cc40f7a06ea3e6272550668f2757720d35ab05da70cb9fb312cb",
        "4c97e41628ac1ee66263b0ba368df17b61fc377c",
        1271,
    ),
    "ru_human/weat8": (
        "01cf3d820470804f08f35ba0c5a55dc10167ba6156672b352ab6ba6af4a63f56",
        "72db76ed8673de275e00908d3ae119361e17560c",
        1197,
    ),
    "ru_human/weat9": (
        "88854e5f78e4a596b80cc4dc81b8f5c05fe488bb90bc25421750f3be8c8099bd",
        "e45d6e21cd4f005d9f5ec6d216b1bffce2dd5149",
        1228,
    ),
    "ru_new/weat11": (
        "cd6c040eac1f9b45680ef338dc5bfa7c666068ed334359f3f6c586975db160fb",
        "5c68bfca8b5ca9751e6441926f7f07a22c6d5b04",
        1556,
    ),
    "ru_new/weat12": (
        "dec61286355aecbaa2b55167d7133703e3165bea48cdab6a2d56c478e0c6a140",
        "742c8f0c2094fb4f7d8892b4fdf45a8ae1df6b4f",
        1684,
    ),
    "ru_new/weat12b": (
        "9a59833e36dcfb8872dcaf8ad01e4b3a1293545476b8220e86e74bac7a626bde",
        "ab8dc240c77ffc3c602607ffe9d7c58eb13381f5",
        3129,
    ),
    "ru_new/weat13": (
        "b0b03dcb26bc5c424e93c5a8af6ded87b105697ce6915081be4c0a94442297d1",
        "9cf25e94e6651eb78e06e549e32e92cfbb19be28",
        1757,
    ),
    "ru_new/weat13b": (
        "782a90159bc93a5b09b8a2a3ccaf0cfb5651aa97acb7fc3feb76ea699766a30f",
        "25844ffab5a737f2d315f15f1f8d8c3b7dc46486",
        3063,
    ),
    "ru_new/weat14": (
        "d8833f40f7bf1ec3c5478f8d1c72d6c44a90e288b71112fb3089f0ee211416f7",
        "1c67f4fc13b42ca2ea61d5c8f3b79bc4a97cc646",
        1800,
    ),
    "ru_new/weat15": (
        "a4dde09d5ec5296825c3fb7180aa66aa8405a06be54217b0d6390f9d8830d0cb",
        "bcf6392f21792d04ef427b9534d0d51793fe443b",
        1827,
    ),
    "te_all/weat1": (
        "7bba3856cdde3e8c892fce9f88d6d53bdf64782efb83db82c71a14f3d8303121",
        "0c00b5031a0801158a36c75847331753030a2f28",
        5201,
    ),
    "te_all/weat2": (
        "9dbd7712d480a045f371023dbd56ec7538103c9efce4d83494af8eeb6a56a3c5",
        "63ed537b46d9746f99957782fb47a26260b23e33",
        4605,
    ),
    "te_all/weat6": (
        "8b9bc615bb4b798b760e57edd7001fd25250f0782bbb1c94b280ca66acc5bc65",
        "cbce21aac873925bdf8caf79ee2bfe04813bdfea",
        1481,
    ),
    "te_all/weat7": (
        "e48925662d7a3137d178cfc88a7bc890918130809a55a493895cf100f790e98c",
        "5936abbc6affb04f433ff2f9072744efd44eb0f7",
        1640,
    ),
    "te_all/weat8": (
        "82698546ea087aa79f8fb0bbd7f1c8b310b3468661bb83584e176267c6423269",
        "422e25d3b80348598b5388c1b8b6e84c21283f70",
        1916,
    ),
    "te_all/weat9": (
        "ec6f817cd519a3c534451a594d22db78dc1f03cf390c7d38f489c781ff91840c",
        "5cdcbde206db41b10dc295d414f977b7b14d433f",
        2052,
    ),
    "te_gt/weat1": (
        "a632d7e1e6092bfe6e0ddf0c7ea406bfd847db9e6f9b9a1b95557c4584e3be51",
        "d15ae805f826057557e2f9b0c0454d8cee81f7c4",
        3963,
    ),
    "te_gt/weat2": (
        "b393973fee0e701470f8a75e7db5c937a46969a25e1aed2ec7e7bd3fb8f387ae",
        "555efd03463d444da00d23c3c8aafe91d4b8eb7b",
        3879,
    ),
    "te_gt/weat6": (
        "64839ad7e54e3828dd845d5e43e9a71ac0eb02bf1752481f68d8c7922e122a33",
        "68c3c0067efdfa31d8475e139b142b30018c3114",
        1451,
    ),
    "te_gt/weat7": (
        "d189c312be7861223127a074e215e59615dc94b50ce90cf4e18de28ae46da05e",
        "91d8e47d108c4154a25a48058aab49f7aa929ff3",
        1402,
    ),
    "te_gt/weat8": (
        "80f1bb117e580bb7d56193b8ad6a8d0b7a87a13befd0734c7aafc52f84fc1f2a",
        "5dec0098cd1f0baa02e893e8ac5a5ee8c9dbbee3",
        1447,
    ),
    "te_gt/weat9": (
        "0ad77bc86dc3db92848d62040ca824381f105b03423ec54b23534dd1afc62cac",
        "4a178e703ad1a96b72f11f28902c6f2c57aac65b",
        1409,
    ),
    "te_human/weat1": (
        "29df3e61fbe51662694a61c6381f7e9339d0e647f23855376196fd24fc0ff32a",
        "3fa0ca4e5ffcda46f7a0debcfbe42c080526f4f6",
        4033,
    ),
    "te_human/weat2": (
        "2d545f25d8ab974f792793018ae696b87ff9799ea88835105317fa4f9d414911",
        "f5cb29c433574159183af76e7205eeed0f39acd8",
        3944,
    ),
    "te_human/weat6": (
        "8b9bc615bb4b798b760e57edd7001fd25250f0782bbb1c94b280ca66acc5bc65",
        "cbce21aac873925bdf8caf79ee2bfe04813bdfea",
        1481,
    ),
    "te_human/weat7": (
        "c31ace2d10c1207ee80b495ad893ff1a23e069212ab547770809a327f14b3c63",
        "6aca0fb455ae2a91be7c4135ddbad98973fe9381",
        1402,
    ),
    "te_human/weat8": (
        "59e79c41afd146d6d3a0955f953387c645b267ce26cf769b5ed7cc3eefcf591e",
        "29347c17f99f5c11804318b3ff3bbb9b171998a8",
        1450,
    ),
    "te_human/weat9": (
        "495d93c2ff96c1d131e5b348fd089226a7a94c2e934b28a4c6b71be5394cb7a2",
        "91f5e462409dcf78a4489c71876a559ef4e06e83",
        1428,
    ),
    "te_india/weat16": (
        "2501ad757b977b10850f441693a7542dc32f7782d5bdeb0732f315e9ad5354be",
        "5bf3e4a1d9749f00ba83e5c43518b7c8539dd9bd",
        1448,
    ),
    "te_india/weat17": (
        "81c288f1cdd912f72359c3e7b034b4a5835072831a65a579dee5d0a2d18bc93f",
        "b62c8031f435a181825c8f91f083211345827122",
        1550,
    ),
    "te_india/weat18": (
        "440a59aa062b71fb99eda91daef33879c46b74d20a555cdb685f22dc412f2c09",
        "49c84c8c95a1cd446940e0f4b4da4505c548bc4a",
        1455,
    ),
    "te_india/weat19": (
        "4a3d301267f20bfd4e48673ee9a57291431ac7c0ef221a954907b436f9e76125",
        "77a2daba08e0a4ee203083590d00dcc41b39c1ef",
        1501,
    ),
    "te_india/weat20": (
        "1e9cae4a7a6fccdd32c7bd5d684e0e4603d17baf8684d9990c12136a7faff734",
        "0da523475071f25434db2cb69f435f6105410101",
        1505,
    ),
    "te_india/weat21": (
        "c76d9bfbea084794d28f6b423e0dbeae627e792a788f7b569778b49a29e109ca",
        "e367a2fc857fee4f5342cd6e4b36c5c1885ea10c",
        1480,
    ),
    "te_india/weat22": (
        "a3cf62d2a8bed7542730bbaad4728b66bdf8c9914e14b97cd31fb51c4c1b0765",
        "a9aba3e6026b5b091a7df9d9c69bc38002e6ace8",
        1423,
    ),
    "te_india/weat23": (
        "cd7acb3fed57b9ee7e383d4ef48a52cee08de71bdc4da89838f46b9a95b1bf47",
        "7c547d2b140840b0902c329b1924f3e350b47131",
        1440,
    ),
    "te_india/weat24": (
        "253c52da5792780f00855ec42419103248a69cad758db9f8213463c2df896ed3",
        "fdebc4851c4733d6074467cf83ba541b6b1358e0",
        1500,
    ),
    "te_india/weat25": (
        "d8bc059c82d38007b19c48fc2d54cb789a9b65d7464715bfdc7942a3618e4a4e",
        "bc01f2f638924c49ed0b768aa6c1ddd0a641b93a",
        989,
    ),
    "te_india/weat26": (
        "58bcf3735208de765f3c6dd87cebbfb61b5ec0672448af127d53e5425f961289",
        "2f421909fc24c4083ad703a55a73c73935f33337",
        1545,
    ),
    "te_new/weat11": (
        "d0b6a1699e869b3ee51d8cce698a9f65f1e5f0c0d878735708bd9642bb22bd2d",
        "f6e2d10339d182a4c3b3b84e16d440f35e9f48cc",
        1913,
    ),
    "te_new/weat12": (
        "673c8c8a3fd5621da52003f9c07be64393cacbc55cd1a80245e2132d06938be6",
        "8ef08893afbe871b8ce33ee107009d4cc0f62258",
        1990,
    ),
    "te_new/weat12b": (
        "087da824f29f191aa7cfe73bf66738b32aca2983601150a80bfb04cbf40946ab",
        "3d6ba015311d962b02b46793d2fd83273dbc8a6e",
        3637,
    ),
    "te_new/weat13": (
        "a8989c5db476a173d13afaafa1b2c6fd9dba58e32672060cfc1a7ace1834d8de",
        "b210b8056ce2c1e34494c95afe559b9d016324ca",
        2083,
    ),
    "te_new/weat13b": (
        "5d3c9212e574047f0846bc9d40c26aa2274275cfebe78deb8e6b4881f4c94127",
        "3aafefdae58a030ff3156c2da24be1a404466e81",
        3619,
    ),
    "te_new/weat14": (
        "201ac096a40af9ac7f1ff8de4a6fd784451e35d821992273f2062acbf025714b",
        "016f0046c237f60e2d2dcedbe385302bb1c23148",
        2154,
    ),
    "te_new/weat15": (
        "c7d50239dabf8b8188b02381492f87e4f5f07c8112f488902398564647e6a994",
        "debe3c3a3334c254332283536aab437f4a398489",
        2282,
    ),
    "th_all/weat1": (
        "b40c3d1d48172aa037af52cbc89637efc61e95579015f2c56a32b448217a5d0c",
        "5bcae483768aba0f9fc36cad0cb593c1992780f4",
        5355,
    ),
    "th_all/weat2": (
        "3688f0a4eae9fc06b7a7f0de24a73de58070f33668ae0ef746244a1532084f90",
        "92e57f8d33551f18c8a0c6160db9e4458ec1558e",
        5134,
    ),
    "th_all/weat6": (
        "55d7543b1680887e5d0e61858511d175df00156c8944688a5508072018c971f6",
        "94daf441802e3625301cfab328cca31c17ec3f9c",
        1753,
    ),
    "th_all/weat7": (
        "210ce3a4cc898a411e5432dd0b00f6a4e9e828b0470b561629116e6f3b049a28",
        "e695a8ea27a0a177c3002499147e4a5d8d4062ab",
        2001,
    ),
    "th_all/weat8": (
        "b35c273371dd2b93cda8e1ec0808a7cc294a135c0763f2e0afbb57577395f164",
        "def9be25bb0b2147290adc5debc7145406b48daa",
        2030,
    ),
    "th_all/weat9": (
        "fe3da2287cdeeea8df23751e920deb67341db329e0f78f3673a86a93bdcdba52",
        "e1fc1613fa46c0ff93c1c63e2f5ed3c9f4057be5",
        1620,
    ),
    "th_gt/weat1": (
        "9501af04a6d141d7945513eee92732d8d3fe0f021391c932fe184d9671db39ec",
        "7c765076f934bdc28507e1ee4eebc74b5f0f70e4",
        4099,
    ),
    "th_gt/weat2": (
        "ab220959027a6b3781535a832c7e12007ddf15372e0f2dae0c14a8bfd32cc6e7",
        "b741b09c0ce550c2eda2c0c68634c859c15e204a",
        3956,
    ),
    "th_gt/weat6": (
        "8c65220014cceb69a275ebe47c71c3b04e09a6c40e8172e140d0991b5cc027d0",
        "20c1966b2129ddba6acb5db1594ecb98092ce3fb",
        1627,
    ),
    "th_gt/weat7": (
        "8bfa79eb77f03d5a3acc5ca62aab179e7591cc8d22f338e5e57695662ec22462",
        "ac414542395bf15b8e2e5f30e23054b237f37f17",
        1480,
    ),
    "th_gt/weat8": (
        "e44fb7f319e8bb77249e2c65eb54f3de8f5f5678ff5af9644cf43c60355093c9",
        "0af658a2dccb3c2dea1eecb6d617ad6d7a441e4b",
        1568,
    ),
    "th_gt/weat9": (
        "d2b0ff11f3d75e4146f3747a45d642709130efc8d170846d97641b1f473248b7",
        "298b647eb837415f2a21247f26a147923ec01965",
        1561,
    ),
    "th_human/weat1": (
        "68934d178594f8a287847ad164bb35cdfd8d8e3247645fc662e46ef2462992f5",
        "e5acc73ef6ea2026928f62131297cbab211d0b47",
        4075,
    ),
    "th_human/weat2": (
        "1feecbea7c88fcbfca7a8675d60af643b6def83a6a5949e73002d93155ae9391",
        "19cced6241f9b6ab89c941e1933a2f883dc3dff1",
        3935,
    ),
    "th_human/weat6": (
        "0f9e53c4f0a83793458bc1d978be9dd45c1abd224de3766663e513e9753a7472",
        "842215ac0be1f18414fb878130894c74737b5177",
        1591,
    ),
    "th_human/weat7": (
        "4ff3b1cfaa67113fc7f97f57c3f8ae8113dffe4e26f74cf3dedcc67c528b8988",
        "97b0caf6f904a7a0c6b826e23650e8d337679f59",
        1462,
    ),
    "th_human/weat8": (
        "94f3ffc53b8f5d958e98ba8e0ec43d68a050b07046b91c11553ede67711c96e8",
        "686f51cc9c23d0cb9b7d318f457ed7d8784b86ae",
        1574,
    ),
    "th_human/weat9": (
        "681e7644f60ff03fdf354d6a7aa06cf08e2647809b11a00ade37a8048f7cb5ae",
        "3d1436a9a430d2a1dd5d035d4b5e2fd9cecf101f",
        1561,
    ),
    "th_new/weat11": (
        "df1fbaf7a1c2fd5a5824a4dfd00ffefd8a04833c5dee884a05ac86f0e3310525",
        "19cb9e2d7cd265c6f8eaf9d0f5ad937c040e5298",
        1837,
    ),
    "th_new/weat12": (
        "3dc3b0c850eb69e4f2498084403fe65704e9ee011f4ca0ab849707a51cee0b68",
        "48cb1347b61ea973aa60c271767293f30afd1e4e",
        2077,
    ),
    "th_new/weat12b": (
        "b7e070b9ed31b04d04a114e55f84887bfb3f9eca5fe86d2aaffd4d91e6c9ddda",
        "5736466bac70952110b069fed14bfb6dd9fc2135",
        4175,
    ),
    "th_new/weat13": (
        "05908b6d0dbcbcdfbfacdab9d8ac710a95cec7c20c15e5308977f43766f03104",
        "8683f6e290b7749ccfb3c2d148c94367ef91d7cc",
        2041,
    ),
    "th_new/weat13b": (
        "bc3bf8ad0a1a65a0ce681bd062fa407db3f9f616d699f12bea4aa25168dc5863",
        "e2bf800750c1737a630fb1ee94bfcc6ae0e63815",
        4053,
    ),
    "th_new/weat14": (
        "8220c6391c0a1b20015f8905b4cafef31efd125e22aa444db7d0050030b2adf3",
        "dbc101cdfda26eb7e542dd38b8175089da710b90",
        2123,
    ),
    "th_new/weat15": (
        "dc9aae9f91e08330fcf718063f83382c824d5e4bc0ca3be820a030feb7de33de",
        "7f8a6f0145409dcc280123b58b832289647fc7c5",
        2072,
    ),
    "tl_all/weat1": (
        "1dd715ed481a196a5b9a343c9356cbb518e4418918b6ca482fa1a23cbd1da87b",
        "bcd9e65cc0ac96d5d768ac34aa969047f0a0b6ca",
        3273,
    ),
    "tl_all/weat2": (
        "86c8d28111d0cc34e04d838272b29ef2f8ab742670c160653d08d91f2139bf46",
        "baa47d96a7dfb4a86686734a75e122913ec8823e",
        3359,
    ),
    "tl_all/weat6": (
        "796995acecea085a4df71996df99b3f4635dc7ecdf1a1b5c7b547fc74149b123",
        "b5f0bb3aaf868cef33749f5aed361780417e610e",
        1103,
    ),
    "tl_all/weat7": (
        "91f8f81505d2d9f23d40570cdb59baa87a5c962abcbbd527e2213117060c9c49",
        "78b9df692660b81e5d8580afa25f06e444c6c2c5",
        1230,
    ),
    "tl_all/weat8": (
        "92f7ddcc1fc9219d54f49ab5f882bbc98c6d18ce9a17a46521bf2979dccb09ca",
        "e16e9835d1391b0329d6a974a5d93d5c4e83002c",
        1229,
    ),
    "tl_all/weat9": (
        "c2ea476e7f4101ae79d65f4ccb5ca4376b87a0c5276daf01f02e37d394db24ab",
        "20a6dba61b87357f3bb0df6eb4c3163132ad4eef",
        1012,
    ),
    "tl_gt/weat1": (
        "4feadc1b92363c38f9bdf48f96cce7a6ba07c2e549dbbe4e19b1b5ae929503c0",
        "022b4b1c0a45bd3cbaec49e9dc0882aa4a22f65b",
        2610,
    ),
    "tl_gt/weat2": (
        "a61ea00f74542b6a95a595f427774892352a69d900b25230debbf747826e3ed5",
        "4c2d3e4078cbf77357eb92d0d59f2020a0b7c104",
        2626,
    ),
    "tl_gt/weat6": (
        "3ad61be13bf22ae6b410bb9752551a4404d160311dcadb86545a76180047d7cc",
        "4c7bd33662c088234e437132936c1adf3c86dcc8",
        1051,
    ),
    "tl_gt/weat7": (
        "cc0db4a07e63fe2df1d232d95151e019bd1ad338e60f927ca751203cebe02238",
        "0e5e6116512d7adabc0008d8b822faeef482dce5",
        1058,
    ),
    "tl_gt/weat8": (
        "df0d2f1069861fa6b2fe896cf729bc4e1d26faa5921e5cee6064fd87bafef857",
        "4d971f421c4464d3a7c73f5598f5d1ade3a8ec27",
        1057,
    ),
    "tl_gt/weat9": (
        "18b709f85fdacab4fd3eead87b8c3d4ff3c8bcac7143aa0e28e376dfef3128b6",
        "d0d0f33faad89258fbfda2c2b2162f296310d7e2",
        1003,
    ),
    "tl_human/weat1": (
        "8fa06d1539d9ca81373feff2c279a584aa42b1678a151f7bf39916cec8d1ccbd",
        "d2e556ae40c3ec888b60d281c3abaee1b07d3645",
        2626,
    ),
    "tl_human/weat2": (
        "9149febbe7829be860a9e64d79846bbbd3a613f608770c311b95c3b2afe8e53f",
        "247ae9b4372b46efec10df844f7c169fd6950e08",
        2634,
    ),
    "tl_human/weat6": (
        "0d4788e0c0cbfd2117c25eb30315fc9ce021b95f7cc72005e512270d264f0242",
        "d9accf474fdc88aaaba3e83a156578632d9e14e9",
        1078,
    ),
    "tl_human/weat7": (
        "a86c68531739afcd5f835c7308ed9bac8e6c0759fe2fa60e38a749a3766307f4",
        "695763c72105459d3187172792e158506bc21c54",
        1061,
    ),
    "tl_human/weat8": (
        "bc581567356caf6395336b3202585adfe9fdf4a0a2b839415dc858a9fd6a901a",
        "e75350d87520c2f7ef9d5f22cee5e35a05e72099",
        1054,
    ),
    "tl_human/weat9": (
        "c2ea476e7f4101ae79d65f4ccb5ca4376b87a0c5276daf01f02e37d394db24ab",
        "20a6dba61b87357f3bb0df6eb4c3163132ad4eef",
        1012,
    ),
    "tl_new/weat11": (
        "cc152013b3f56aaf56370a9492cf71f31f8124533cbe029aa1fcf1eeb4e78686",
        "d55ad01827ef51fbce58ebcb1b3b1e5726b35546",
        1338,
    ),
    "tl_new/weat12": (
        "7198181ad948b5cd494ccd1c9e5e6a44839aecacdc8538f106df89ecbb09c531",
        "b32797385e4f6ddb4c6ad3145de683934f5ab2a3",
        1370,
    ),
    "tl_new/weat12b": (
        "10eaa1e4730f13fd4b2f364eeceb11f89583afd6cdcde204414633799a2ce4bb",
        "a9e6b0bece5bcd0c76700922a6b53e520e7c34ef",
        2553,
    ),
    "tl_new/weat13": (
        "c2e1e6c1dea1229b9d9a0dae6eb4bc8e9f75da95ab4955c885f9e1b2c1d9d732",
        "098a1681c3755f9cf83f1652efcf5d857bcc4232",
        1415,
    ),
    "tl_new/weat13b": (
        "63f194375466ce32493d7cb240611ec6a06df51da095306669e673401f053107",
        "d31c4460747fd6ea83c9fe6b3076d3f2881bc6ae",
        2527,
    ),
    "tl_new/weat14": (
        "6ae58f047fe6992708a2f79d0779d0182af007d3267bc0cb262df579344396b4",
        "f7b410c41f71023c3fc08a4fa34041a26a6e60aa",
        1431,
    ),
    "tl_new/weat15": (
        "9e4deabb95a4ed39d6d2a26e1f8b643a07bd76394e354d2bc580c2e21d9e9fa4",
        "70ca43d93f4bf3222688df60035d9939e572392c",
        1380,
    ),
    "tr_all/weat1": (
        "00ec2efc5b487bdb6aa2c3cb72771de22fb094c453d1d823016b79a61fd55475",
        "b6b55e30cdd45d17848ee42818e685bc78194eea",
        3533,
    ),
    "tr_all/weat2": (
        "ee8eb29c1d9c77785da1b2d3482dc21abfd8b02679ebcaefc8d0c53df40347cc",
        "c5cdae7ef53c59ae42761856901b73b0eecde629",
        3438,
    ),
    "tr_all/weat6": (
        "3e06e3eb4166bd9407740bbd8dc28b3eb1f406e3f56c3513b0543cd73fb73b73",
        "faef6134a58161538ecb30334405a50454081b6f",
        1307,
    ),
    "tr_all/weat7": (
        "6990ae95b1e8133826463a99a7b9421bd709f848a074eea30c3e32858e74dd30",
        "1dd529a80be9cd849cc4211da3307489a91f70ce",
        1566,
    ),
    "tr_all/weat8": (
        "65ef50f230befa7ea41770fe9bf1b2401e7d4f2ba5ac45636505d958374212c9",
        "6f759076a2ceab8778e89faf3eb2efd901ef07ba",
        1554,
    ),
    "tr_all/weat9": (
        "1fe2ea10feb7e8dea775654ba03a0725feee238de25d53edae104ba442da9f0a",
        "5d0a468d0ab4bff876f3affcb7396f7aa6eaec23",
        1217,
    ),
    "tr_gt/weat1": (
        "55b4ad08c9744f8b0d7334b39683a8a74b18e3ce29423ca3c755ebd8c44f07cb",
        "da37fbcf70900a24bbc9c91819bd95138ee83916",
        2691,
    ),
    "tr_gt/weat2": (
        "9c08eca2db39feeb3329ff15bf370f3396b9cf2dc6b9b47c1dafb8610edc28ce",
        "f5f6f60fc58bbdc731bbd8402f4e3a37f98ee614",
        2636,
    ),
    "tr_gt/weat6": (
        "f32275d8dc4ac2ac3844841c9f88fb999f1291ec8e685407d63696cf19c9ad57",
        "dad4172a49a731575ce871ed2805ca7f5e797c9d",
        1057,
    ),
    "tr_gt/weat7": (
        "71ce7584c5cd32442fff914595293abd12dcf78a521cce669f44fdc7cab481c2",
        "e8af5d33730307e6894364b84e3a22ff48b4c039",
        1044,
    ),
    "tr_gt/weat8": (
        "c8b4cc950d69bc1df66bb81297cbf0d0a0dd34ae97cb2bbdb2bd2c9d534eb00f",
        "eb73e4f7428bfc42b8610791dec52de0d12893f1",
        1042,
    ),
    "tr_gt/weat9": (
        "9544de5679904281f1e54ac86a241de3a203867787fbe23ffc34591ede393be5",
        "8047fe5e680637ee0cab3ddc6800f292f2f20dfc",
        991,
    ),
    "tr_human/weat1": (
        "f922ad29c606d4c4b083c560fff9a078da1218b65ce12e75e3ef65f8c0481e90",
        "080a112cc2436b4d7870e48459781538868fc0b2",
        2732,
    ),
    "tr_human/weat2": (
        "234d506fbb6d1103e93a4ac898851f39bf8b86fe446ac291b6098d01353999ab",
        "03ec504cf4d5f32c13fccd2350240abc1d3f44fb",
        2635,
    ),
    "tr_human/weat6": (
        "eed62986e62c1918ee0861be3e2e46fb6a56fb3bf1c7e8768f89ce879d3eb5b3",
        "4c3f3b43ffdaf5144caf907cb1770d6256f373eb",
        1056,
    ),
    "tr_human/weat7": (
        "35fd1ff84ee5cd6b3dfc33aa7837130618c2d84ecbf05f0beff99815bdeba97b",
        "879edf305a52242bdbe17d83871018d3c76e8b30",
        1054,
    ),
    "tr_human/weat8": (
        "c8b4cc950d69bc1df66bb81297cbf0d0a0dd34ae97cb2bbdb2bd2c9d534eb00f",
        "eb73e4f7428bfc42b8610791dec52de0d12893f1",
        1042,
    ),
    "tr_human/weat9": (
        "8d6945f33db443f32a116ee111e3fb8c1aa64581a842b50c8653ee4b2507e0d8",
        "967d98bfa6c8bce66ec4441124e163507bfe75c6",
        985,
    ),
    "tr_new/weat11": (
        "da26b5ee787e415d6d9b9e1b9dd4ad25a9afdf6227de752fa1350484c3d55451",
        "38d2445c4bbfd872a0aa2babcec60984515952e7",
        1433,
    ),
    "tr_new/weat12": (
        "52d91199fa83dbec2783436f2ac8adaff0e7b0fb6e64e6596d00880e0ddb324b",
        "353105e4d6f358a1d82cdbd82d8e98dd55305b92",
        1491,
    ),
    "tr_new/weat12b": (
        "0895e7c10969a3f38ee593198b72c1e041a0041ec2412192176d88e933c3bac3",
        "d81ece0f959488d276edb1c86e238684bee1c053",
        2622,
    ),
    "tr_new/weat13": (
        "5ce376ad713cb448c29f6eee9556af291da4a5c937112e77bca754774e301278",
        "b6006348dfa46041b74a2fefc85f93c4e9163393",
        1346,
    ),
    "tr_new/weat13b": (
        "260426f108ec837474be8bd7a500f2f5bc0a431927c35a77d1cd9890b10cd8f4",
        "45bb5bca94ea85ce87907ec9dbfb2ccf509254dd",
        2607,
    ),
    "tr_new/weat14": (
        "0db742ae2d1c480a9b75b324f58fe6650229adba03cdaadaa769e0494683aa5e",
        "77e2294553b90954bbb2f5fa417f96a102c37d32",
        1373,
    ),
    "tr_new/weat15": (
        "c42c5e22a5041f9448383d5a716ebe931e2e8bd4c5924e1f39d98fe7232a4614",
        "bcba6e0a27446f47ce5b8f8521e7fa7cf4533520",
        1378,
    ),
    "ur_all/weat1": (
        "d12fd4d459e4a7856585efbc134743d2c09ea08403c5ae5f46db791416dc7126",
        "993f44970c5bbe3a35f6b72363fd3105572c2a1e",
        3437,
    ),
    "ur_all/weat2": (
        "82742ab63de08ebb5ed90cbd2146feacd36c4aa748ebc9a2680f85e92d01a1dd",
        "c5ad18a8950cc614c83c9272ea4dd5a447fa5dfb",
        3365,
    ),
    "ur_all/weat6": (
        "7ff53ae80856a8f4abdc285e5da70a9cf0d7b4aa7903c42e0b58afca2f2c0dc2",
        "934d59aaef4410d50bdd331a03fbe7f877657b68",
        1170,
    ),
    "ur_all/weat7": (
        "b898bad0b131a65c1c29f7ba2024cc28d69c46b563b0c641cec22b82b50885ee",
        "63e6375f42aab9b327e6d876a4a54151da318314",
        1310,
    ),
    "ur_all/weat8": (
        "7bb5802af364cb04e1e9336addfd1ab95763ab43fde33b4d022cc9e04055adbb",
        "a8a7d8f3c2d5a6216eca11d68724e3fac8e1911f",
        1317,
    ),
    "ur_all/weat9": (
        "bffe0758a3b28b857404475def8ecdf45ba84323d3f031598280cefd4b6331df",
        "49b80a1fb8032ac9041af134d138bb1c3547f1de",
        1099,
    ),
    "ur_gt/weat1": (
        "c90e6676f0c92a004ec5eef3ae2b8df2925d8a6d222a9b50e491d825a0593923",
        "65af47857258a5f59cd31d6276b44661da030f1a",
        2927,
    ),
    "ur_gt/weat2": (
        "0958dd40532e276060b6c6d0f2e0ca5ea1be2681c5a795f717ed383bfce388ed",
        "edc3dcb76bf202d9cf4e7fa14a81f8dc2f9f4498",
        2905,
    ),
    "ur_gt/weat6": (
        "b81119c7035b6affe802a2bbbe2bb3bca96182e176b49f7b1f3428e1d23628f7",
        "e086667cc06019fdc108dd24162950f6850c4ea6",
        1146,
    ),
    "ur_gt/weat7": (
        "d7a5cad92baed2160c318ca38d6e6dee2515b3b34eb37434ea68d622ab9851ee",
        "78429a861f48a6d4acddd863a4dfa5315df0aaf5",
        1113,
    ),
    "ur_gt/weat8": (
        "f50eed32a1b575bc9c4254e8a299de81af9f5a6e2875dda1a3bc98add6b97f9f",
        "4f5114225f27a16441116b712b2ace2b96b4a1e7",
        1130,
    ),
    "ur_gt/weat9": (
        "0c1b784f34e4ab5d7eda5e1c504a56cd4250ed1b3c833a680bb61106c7a25f90",
        "3bd7fc2d4e2b480d545c9c36a5692842c9c0e718",
        1085,
    ),
    "ur_human/weat1": (
        "99deed44ba6b715877398619a9dba570c2cc777200c56518d1f8718911a51204",
        "8136beeddd38eac996aa59e621fab8973db40d86",
        3004,
    ),
    "ur_human/weat2": (
        "a4473ef43e364db518891d6d40a9b8d4548142aa0b0c6fa3746dc0c6b3cee5e8",
        "7238a4876de93d6b6e2d34b01c908436215b4600",
        2932,
    ),
    "ur_human/weat6": (
        "7ff53ae80856a8f4abdc285e5da70a9cf0d7b4aa7903c42e0b58afca2f2c0dc2",
        "934d59aaef4410d50bdd331a03fbe7f877657b68",
        1170,
    ),
    "ur_human/weat7": (
        "5cc264e09452c43990fa3e37b537cd7022e4a624df9e21d02297e64106a3ffec",
        "2eb2b8ec8785766f4fbe5ac58f65a4e71e6df1d5",
        1140,
    ),
    "ur_human/weat8": (
        "b636cf6d6297ad360c8bd6049fb07ab7e4176d1bc6365623b8b4b5eac6c7d869",
        "e5abdd79b31002487906980f2378e34082a48d74",
        1147,
    ),
    "ur_human/weat9": (
        "bffe0758a3b28b857404475def8ecdf45ba84323d3f031598280cefd4b6331df",
        "49b80a1fb8032ac9041af134d138bb1c3547f1de",
        1099,
    ),
    "ur_india/weat16": (
        "f87a3407bdc6297fb7c860997f5594648b8392c81df7b2e3e2d7284da478b04a",
        "90bbfa769ddfdb2d88dbf68d082ed3b82fcf6eb4",
        1159,
    ),
    "ur_india/weat17": (
        "c0805405b0f3f2710332a95daf5864a7ec846d87b0afc290b78c73898c34cc78",
        "c6432c15ab912fea1a4296aeab984e41ceec8ce1",
        1132,
    ),
    "ur_india/weat18": (
        "629a6e191dd9e3b2f7e8a76055da9d2d5f7bc9fdf214646e23b6038d6519bb66",
        "81e957afbc7cfd11faeda214d39fa95a8169d189",
        1183,
    ),
    "ur_india/weat19": (
        "7996fde8b1fc057eb3fcdd5cee9e58f35be7042e035c4e7054e1a740bf28d87d",
        "5e1bb9480b4a92b85971e21515ef2ca4d7cd28d2",
        1187,
    ),
    "ur_india/weat20": (
        "892ff9f169afdcaafcaff717260d7ada378dc18d706b83f30ad175fe5613dbed",
        "8792abb5f85a13644fbf045c27b8cf6ed87aca33",
        1161,
    ),
    "ur_india/weat21": (
        "b3368754bd33f3878b4f0174a0907dde91e2a227f7ac6de69348342dcbb8264a",
        "c68459f4602274c8cb35e4629617dcc40fe305da",
        1173,
    ),
    "ur_india/weat22": (
        "c9e7f5f69f51b65a94914cc67983ce6fb44e1ca90cacece838836fb017888a82",
        "faee11af81a29dd58cc58f92e60b3a55c1e62524",
        1167,
    ),
    "ur_india/weat23": (
        "6bef0c494b08a7b5455b81851af52f265c9a4844495b1c137dc8dba8f5b8fe2e",
        "d1bd5279fcabbd4c16704f25354ff12b3ddfdd87",
        1161,
    ),
    "ur_india/weat24": (
        "e8baa72ebc04251d9bb9dffaf76cae4c30415e4c3c9a0429b92bb7d0da17018f",
        "dd46e4246da4798d9b60fe73b56b246b6fcd90e1",
        1215,
    ),
    "ur_india/weat25": (
        "ab2751f8a40a19e49736c138cad0ccfca07dd605abe1336f25591c74d375a126",
        "f9d6b385366769372bba4c6bbbe43527d1f55d13",
        820,
    ),
    "ur_india/weat26": (
        "0582906c37a074340b9f0963afbc4839731a2110408af69befd1de8e59d29a45",
        "cb3b5f6a4e6d9812bd79ca5491c187f109d8619b",
        1204,
    ),
    "ur_new/weat11": (
        "17e88a17ff9176b4aaebf77f84c6ea3d7bae3d5ed5ae9912f4c54d296d654614",
        "adce97ca7bf4d848b6ae31c7a9bc372c450a3278",
        1425,
    ),
    "ur_new/weat12": (
        "a5cd594b2a2871576acbc155c27042944430277683040063c8d6d76cd8a176ca",
        "1f3c2d8d847d6e13511ca8ad16b755514e3b979d",
        1518,
    ),
    "ur_new/weat12b": (
        "6256ca693829fca0c020202a6c022b8babe7ed66dfb51248e8498266eb43ce6d",
        "f5d0e75d85570163d00d10cdf46b33abe1f6c140",
        2715,
    ),
    "ur_new/weat13": (
        "c2e54284918eadb0c6131e69a8cf9a9e6e73ecc4b4764086b9bfad91a494d7d4",
        "408dbab490d8588420b0672c13b561aad06dfe11",
        1586,
    ),
    "ur_new/weat13b": (
        "3aee0759215b2037909b13d302f2c901581128c1333f2e05af073b4b4e1196d9",
        "c27d801a1ccc3902f8b8236f9ba9186e9e8acdc5",
        2747,
    ),
    "ur_new/weat14": (
        "c5e7fa3db79120c37169a2c4869ec517dec3dd65281cf9876bd80d9432863311",
        "860b46736573101b8f057446bfe6e630008c1056",
        1505,
    ),
    "ur_new/weat15": (
        "23307f2fc3792969054c48862eb39e0cc3b480da82e4a38ed65cca7bcf0978b8",
        "5b0dbadb27b8468dbd612e7aca729ad327268969",
        1563,
    ),
    "vi_all/weat1": (
        "6afd1e125c3e5cccf623cc5f84654ec96716c8292022a9278f165bdd9a3ea3ae",
        "8ebff5751a612743d0014ae10a24fed0f13d8c44",
        4379,
    ),
    "vi_all/weat2": (
        "801f4bed5ff286b74c410dcfaccad86d7f613f6191bcf00be5c3ead95970538e",
        "c29280052d780e454312bd7a9a038c79181c3eaf",
        4810,
    ),
    "vi_all/weat6": (
        "e117a456869e93e133d1fba3c889af37b188de2d8e833fe2ae5eab5c8e38104c",
        "ba3a40da5b96926bed1efd3c544203a4d0b21767",
        1294,
    ),
    "vi_all/weat7": (
        "fead306a27bbcc7ace724239f777bf64f7ec4cfd772f51d8cd1e085d1c311e49",
        "5291c3666742cd9fe71dc6f82720ac2e6ff0d1ee",
        1855,
    ),
    "vi_all/weat8": (
        "c85d72084316f574d1586f3d864290a56429ef5c371844eb398c0c2b7c1e030d",
        "f8a3f7efd0944b999bdb0ed8a221bbded53b4928",
        1808,
    ),
    "vi_all/weat9": (
        "4fe9ffcc8a294a8de072f3cbd006af2b6d49becbefacc78e984d957e608b1ad3",
        "0e78e0321d19163b0ba639b60d04e444458dfb9e",
        1164,
    ),
    "vi_gt/weat1": (
        "77694a48e20af3b024048861408b34344f4dedc18e600c7880faae41bd90b4aa",
        "bfcea2f596434b9e562ae904625d3f8019c0cfd8",
        2981,
    ),
    "vi_gt/weat2": (
        "8ccfcee323049cc1dd3dd50e46efdc52685aeb04c68906de7ac1b8fb3e822e58",
        "9cc8d7af5c9a11654a4261b75a4403d0761c6735",
        2960,
    ),
    "vi_gt/weat6": (
        "dc72e4ba9d761881cd2b43914599ab37bf6624b33f5efd86aa3f6c3e92bda14d",
        "bb9b16ea6344a9a74a6d57b44841168bfd660d67",
        1152,
    ),
    "vi_gt/weat7": (
        "2fb5838b60c440ecf23ff99f5c1cc56f97bbce933cdab2119898b6c34cdc8557",
        "7e988f72d6c406906676b0b3b60cbfba987900c7",
        1188,
    ),
    "vi_gt/weat8": (
        "88da78e7af1efa17e24719643d1ffca2b67e964cc1bded772d5ccffe51ba92c9",
        "71308ec954aa26b043baf53cf3d88243f4be13ab",
        1158,
    ),
    "vi_gt/weat9": (
        "f48c11db9af7917093f4e3ed9c1c5e25d18b1dcda4bda802b9e1aab416968b70",
        "d71892536e8fe5fcb32895dae81f0d0cb036e105",
        1078,
    ),
    "vi_human/weat1": (
        "09e0d406cc85381373c4da72afd221db062cdbf2bcfdc7e65eca9160bab06e72",
        "81e1ff0a00df56c398cc17cce1c55054fdb3fbab",
        3061,
    ),
    "vi_human/weat2": (
        "ed53e47d6db6c44f4c08d0a35f5cfb871026db34ec021a56ad2c8d5c5cd2af54",
        "477e871813b26a2db85113bb1abefa475b275e2d",
        2996,
    ),
    "vi_human/weat6": (
        "d4339da9dd8ce9d4da0e3202f9269fefb7ec42ba11e9be3b44d976d707e4a6c8",
        "e64d46d7ff08e70e7dc84c676e72d3c092cbb189",
        1148,
    ),
    "vi_human/weat7": (
        "2fb5838b60c440ecf23ff99f5c1cc56f97bbce933cdab2119898b6c34cdc8557",
        "7e988f72d6c406906676b0b3b60cbfba987900c7",
        1188,
    ),
    "vi_human/weat8": (
        "88da78e7af1efa17e24719643d1ffca2b67e964cc1bded772d5ccffe51ba92c9",
        "71308ec954aa26b043baf53cf3d88243f4be13ab",
        1158,
    ),
    "vi_human/weat9": (
        "f48c11db9af7917093f4e3ed9c1c5e25d18b1dcda4bda802b9e1aab416968b70",
        "d71892536e8fe5fcb32895dae81f0d0cb036e105",
        1078,
    ),
    "vi_new/weat11": (
        "95d671b4a31dff0f7fcd30637d52a44b62790de180e88d2c3df262905293885e",
        "3f5326939f45d2c8fcbc163c0a77b7069cee8390",
        1889,
    ),
    "vi_new/weat12": (
        "73a4a32ae3a71d72503ccb1811bcd1c99caa43f0567b5ea804f10685ff5c78e7",
        "a6eaf02b4b4fd389c72083a699bde3e86f548fb4",
        1889,
    ),
    "vi_new/weat12b": (
        "f6d824e5a0bdd3c51990aed53e40713636c126ebbbf531edd839fdd864c76d38",
        "09150e3a4826fedb60bc9756ea12a9b3bdcc42a6",
        3399,
    ),
    "vi_new/weat13": (
        "7f176b58463bb8ac35f8af83f947356312fa42bcd63adcc820d3fd61f81cc78a",
        "f9aef322f904347b35b4292a5a9caf280553ac21",
        1682,
    ),
    "vi_new/weat13b": (
        "58adce7e261dd4d844f0de72eefc666d307b51ababe0c1566f9b0b4956b638c6",
        "122b5da9aba6649d45c2f0173501a2b13b43f325",
        3462,
    ),
    "vi_new/weat14": (
        "0c21d7a08ae7679cef199d8f95ceb9fdf313d9675502f765316153a01f614429",
        "9dbe0001562623998124e14dabd8891b0c945862",
        1618,
    ),
    "vi_new/weat15": (
        "47a0a39787615d8fa12ebc122d336cc3cf0d5b72ebf293d71c8539d8f4dac848",
        "6996f062734cf7decd12478c5cd4ecdef7d9223d",
        1675,
    ),
    "zh_all/weat1": (
        "f0d66264f15f101f3384f8a4ff712e694061cb59d40e179b246ab9a606bd362d",
        "cf0c10e9750e5dabda4b0f0cb8f199563463e3e5",
        3165,
    ),
    "zh_all/weat2": (
        "ea7bc477f1d15f6fdd0e61f7beca3d94ceb47a374201db28c2770edc19dfe956",
        "1299bac792df970b443033016bd8dbd479fd7f63",
        3066,
    ),
    "zh_all/weat6": (
        "291682c7c6ae5ecbc993b243612b89413d62de764505787b3e30ccbaaa022a8f",
        "88053bb2d1d37d20529341792f9a856897c09d85",
        1074,
    ),
    "zh_all/weat7": (
        "5be8adf339e65714bd6fa788f374043408c51b4aad7916362a5beee5ff5e2cc9",
        "447560fb589f6055fe2e0dd6965a0ea8c3eafa8e",
        1231,
    ),
    "zh_all/weat8": (
        "95323bfd793f764a8d4d5916f07dc30d08679d2824314813a6f809d0c0e4b03c",
        "5185e02609102cb2a707fb492c93a173b485a3b9",
        1248,
    ),
    "zh_all/weat9": (
        "9770abc9ad3c4eb18cace3595d711a091e14f9f649e6ec8ccf366e1bff47cb7c",
        "462a8dce50e84a7789b0b30493232dc183aa0798",
        973,
    ),
    "zh_gt/weat1": (
        "afaf379eae9d164014239bebd826e4027cdd92454853f046fb6a759052c630ab",
        "e5aac2f05b11aa041d202b3c5431a51c91e21ca2",
        2570,
    ),
    "zh_gt/weat2": (
        "791a69952ce42a9a2c5ec00393e12f638a39078e82fc01fccef401fb3743949d",
        "34c4fd31acae172c17a5d6463112b5bfe0914dd3",
        2574,
    ),
    "zh_gt/weat6": (
        "687804e1a06c4e811674a88433ac865a56efe2b1ff9ebb2b8ef8fec44377150f",
        "02956e72122a1dd750085bee3638dca66d183f78",
        1071,
    ),
    "zh_gt/weat7": (
        "7fc0a0852a970bdee6e7526ae28b8d9b382566a28b136559add882502f665a36",
        "fd6295bf4689178a4cfe8f9cf547b5b0b1592a58",
        1040,
    ),
    "zh_gt/weat8": (
        "98b6d62ffa03a9710b5f2aa766def8425c8f9a214280b03a3fe40f6e2ed3588b",
        "11655d130f191f0fd9ec81a4d65491b4def1d8a9",
        1073,
    ),
    "zh_gt/weat9": (
        "59d723692082eaa574a1d5d3ed85b549bf5bb39c031cbd60341d15744a15e135",
        "b90629c5c2d51849e9d5e3b0738829a75faf9c29",
        971,
    ),
    "zh_human/weat1": (
        "9668dd6ff57b8027c2964663d66c53f8845d2a31be0577b6b5211479ca956bba",
        "b19b770ebc3c5c9e42286176c2bd28dbe529a7da",
        2588,
    ),
    "zh_human/weat2": (
        "ebde3a2fc5c62bf42632ab09d23b5bca6de7896f51c8ff962aac69447dc953fc",
        "5ee82dd4db69f400186f094466444ade674d1653",
        2577,
    ),
    "zh_human/weat6": (
        "291682c7c6ae5ecbc993b243612b89413d62de764505787b3e30ccbaaa022a8f",
        "88053bb2d1d37d20529341792f9a856897c09d85",
        1074,
    ),
    "zh_human/weat7": (
        "537637f2554dfca093e017ccbc8d9e3aae10040581413ce89479730cae9952c9",
        "53eca56ef7c013d05ff5d384ebb3dfebade34e04",
        1043,
    ),
    "zh_human/weat8": (
        "bc74d41aaca6401dce0e734da9e3b85447bb9fb12ba0f169bf8ce830ad2bb168",
        "ed64feb436286569c03a21828b3d6177faceab53",
        1073,
    ),
    "zh_human/weat9": (
        "7c71cb8dd939fd0b5364b21060c610d24e2ed3ebbeb5cb28d017de45653816b8",
        "cb76eb653f386cd8d2985d6a472cbbaa78927c8c",
        974,
    ),
    "zh_new/weat11": (
        "d56b6db1c2a7b9e16f48c5fc77a06a616c1e96cb0f171b3bff317e92f53e38da",
        "42c298814b4cc391ba69e49c49d0fb400388b11e",
        1334,
    ),
    "zh_new/weat12": (
        "fbdb2ddea010462e1a440e3faa66535e830c7357776503388113665ad81a4036",
        "e9fab6338988f8ef2e3837e850eead5971c1f065",
        1325,
    ),
    "zh_new/weat12b": (
        "a3a52b4082075ff9d37fdc08411d3c98942284464de3e5fdd9e009e236bc76e5",
        "fa0ddc323266010da87cd25676861a88d00050d4",
        2315,
    ),
    "zh_new/weat13": (
        "8cdb8151a7534c43a8a5b3d2c6d1784b3a679a39f2746b02b84ece04656a4954",
        "ef5cb6ea667c52b544ecffe4f4e0b13375bcf335",
        1351,
    ),
    "zh_new/weat13b": (
        "c101a1a231fb7442e110a1bbfc450f1a420dc90ec7cca6c4bbc6f6414f89d710",
        "2362cd2052bb4221b917938b9ab86ca410ab059e",
        2331,
    ),
    "zh_new/weat14": (
        "710cce0fd57d31a7f6367976ad21479c647a03f228e79927db50382d1bfb39f9",
        "e01098d3741527670f3fc2808cc1d74df0bc3914",
        1307,
    ),
    "zh_new/weat15": (
        "e0b875cfd85e1ba0be9a0398ef250c1d5861ff060783ae215f05a315cafac795",
        "46c3c461cc1e2f52c414626112bfd9845dda84c1",
        1382,
    ),
}
