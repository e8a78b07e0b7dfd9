## Errata and the expert opinion essays that rely on the record corrected (issue 20)

dk-erratum-essays = Essays that rely on this record:
dk-erratum-essay-by = by { $author } ({ $stage })
dk-erratum-where-keys-help = To list the essays that rely on a record, name it as essays cite it, e.g. [@mechanism:ug-nccpg].
