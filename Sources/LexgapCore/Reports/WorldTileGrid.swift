/// Where each country lies on a tile-grid map of the world: one square each, column and row counted from the
/// top left. The positions are the World Tile Grid of Jon Schwabish (concept) and Maarten Lambrechts (table), as
/// published in the R package worldtilegrid by Bob Rudis (MIT licence, below); Taiwan (TW), absent there, is
/// placed here north of the Philippines and south of Japan.
///
/// Copyright (c) 2018 Bob Rudis
///
/// Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
/// documentation files (the "Software"), to deal in the Software without restriction, including without limitation
/// the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
/// to permit persons to whom the Software is furnished to do so, subject to the following conditions:
///
/// The above copyright notice and this permission notice shall be included in all copies or substantial portions of
/// the Software.
///
/// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
/// THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
/// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
/// CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
/// IN THE SOFTWARE.
enum WorldTileGrid {
    struct Cell: Hashable, Sendable {
        var column: Int
        var row: Int
    }

    /// ISO 3166-1 alpha-2 code → cell.
    static let cells: [String: Cell] = {
        var cells: [String: Cell] = [:]
        // "code column row", space-separated: a string compiles far faster than a dictionary literal this size.
        let fields = table.split(whereSeparator: \.isWhitespace)
        for start in stride(from: 0, to: fields.count - 2, by: 3) {
            if let column = Int(fields[start + 1]), let row = Int(fields[start + 2]) {
                cells[String(fields[start])] = Cell(column: column, row: row)
            }
        }
        return cells
    }()

    private static let table = """
        AE 20 10 AF 22 8 AG 7 4 AL 15 9 AM 20 6 AO 13 17 AQ 15 23 AR 6 14 AT 15 6 AU 24 19 AZ 21 7 BA 15 7 BB 8 6
        BD 23 8 BE 13 5 BF 13 13 BG 17 7 BH 20 9 BI 15 16 BJ 15 14 BN 25 12 BO 6 11 BR 8 11 BS 4 2 BT 24 7 BW 15 18
        BY 17 4 BZ 2 3 CA 1 1 CD 15 15 CF 16 14 CG 14 16 CH 14 5 CI 12 15 CL 6 13 CM 14 15 CN 24 6 CO 5 9 CR 3 7
        CU 4 3 CV 10 15 CY 17 10 CZ 15 5 DE 14 4 DJ 17 13 DK 14 3 DM 7 7 DO 6 4 DZ 13 11 EC 5 10 EE 17 2 EG 16 11
        ER 16 13 ES 12 6 ET 17 14 FI 17 1 FJ 27 19 FM 26 16 FR 12 5 GA 14 17 GB 11 4 GD 7 8 GE 21 6 GH 13 14 GL 8 1
        GM 12 12 GN 11 14 GQ 13 16 GR 16 9 GT 1 4 GW 11 13 GY 6 10 HN 2 5 HR 14 7 HT 5 4 HU 16 6 ID 25 13 IE 10 4
        IL 18 10 IN 22 9 IQ 20 7 IR 20 8 IS 10 1 IT 13 7 JM 4 4 JO 18 8 JP 27 6 KE 17 15 KG 23 6 KH 25 10 KI 27 17
        KM 18 18 KN 6 5 KP 25 6 KR 25 7 KW 19 8 KZ 24 5 LA 25 9 LB 18 9 LC 7 5 LK 22 11 LR 12 14 LS 17 19 LT 16 4
        LU 13 6 LV 17 3 LY 15 11 MA 12 11 MD 18 5 ME 15 8 MG 19 19 MH 26 15 MK 17 8 ML 14 12 MM 24 8 MN 25 5 MR 11 12
        MT 11 8 MU 19 20 MV 21 12 MW 15 17 MX 1 3 MY 24 11 MZ 16 17 NA 15 19 NE 15 12 NG 13 15 NI 2 6 NL 13 4 NO 15 1
        NP 23 9 NR 26 17 NZ 26 21 OM 19 11 PA 4 8 PE 5 11 PG 25 17 PH 26 11 PK 21 8 PL 15 4 PT 11 6 PW 25 16 PY 6 12
        QA 19 10 RO 17 6 RS 16 7 RU 25 4 RW 16 16 SA 19 9 SB 26 18 SC 18 17 SD 16 12 SE 16 1 SG 24 13 SI 14 6 SK 16 5
        SL 12 13 SN 13 12 SO 18 14 SR 7 11 SS 15 13 ST 11 16 SV 1 5 SY 19 7 SZ 16 19 TD 14 13 TG 14 14 TH 24 10
        TJ 23 7 TL 25 14 TM 22 7 TN 14 11 TO 28 19 TR 18 7 TT 7 9 TV 27 18 TW 27 8 TZ 17 16 UA 17 5 UG 16 15 US 1 2
        UY 7 12 UZ 22 6 VC 7 6 VE 6 9 VN 26 9 VU 26 19 WS 28 18 XK 16 8 YE 18 11 ZA 16 20 ZM 14 18 ZW 16 18
        """
}
