# Writes a synthetic long-format country-year file (iso3,year,indicator,value) of exactly `rows`
# data rows: for each country (one ISO code a line on input), each year from 1960 on, and
# indicators synthetic_001, synthetic_002, ... Values are made up by a fixed formula
# (deterministic, so every run imports the same file).
#   awk -v rows=1000000 -f bench/lib/gen-indicators.awk countries.txt > indicators.csv
{ iso[n++] = $1 }
END {
  indicators = 104
  years = int((rows + n * indicators - 1) / (n * indicators))
  print "iso3,year,indicator,value"
  written = 0
  for (c = 0; c < n && written < rows; c++)
    for (y = 0; y < years && written < rows; y++)
      for (i = 1; i <= indicators && written < rows; i++) {
        printf "%s,%d,synthetic_%03d,%.4f\n", iso[c], 1960 + y, i, ((c * 7919 + y * 104729 + i * 1299709) % 100000) / 100.0
        written++
      }
}
