## Errata et essais d'experts qui s'appuient sur l'enregistrement corrigé (issue 20)

dk-erratum-essays = Essais qui s'appuient sur cet enregistrement :
dk-erratum-essay-by = de { $author } ({ $stage })
dk-erratum-where-keys-help = Pour lister les essais qui s'appuient sur un enregistrement, désignez-le comme les essais le citent, par exemple [@mechanism:ug-nccpg].
