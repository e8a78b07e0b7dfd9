## Fe de erratas y ensayos de expertos que se basan en el registro corregido (issue 20)

dk-erratum-essays = Ensayos que se basan en este registro:
dk-erratum-essay-by = de { $author } ({ $stage })
dk-erratum-where-keys-help = Para listar los ensayos que se basan en un registro, desígnelo como lo citan los ensayos, por ejemplo [@mechanism:ug-nccpg].
