/**
 * Every services file of the seed, by name. The files are imported (not read from disk at run time) so the
 * bundled main process, CLI and browser host carry the catalogue with them. A test checks that this list and
 * the folder agree, so a new department file cannot be forgotten here.
 */
import amcm from './services/amcm.json' with { type: 'json' };
import cb from './services/cb.json' with { type: 'json' };
import ccac from './services/ccac.json' with { type: 'json' };
import cpsp from './services/cpsp.json' with { type: 'json' };
import ctt from './services/ctt.json' with { type: 'json' };
import dicj from './services/dicj.json' with { type: 'json' };
import dsaj from './services/dsaj.json' with { type: 'json' };
import dsal from './services/dsal.json' with { type: 'json' };
import dsama from './services/dsama.json' with { type: 'json' };
import dsat from './services/dsat.json' with { type: 'json' };
import dsc from './services/dsc.json' with { type: 'json' };
import dscc from './services/dscc.json' with { type: 'json' };
import dsec from './services/dsec.json' with { type: 'json' };
import dsedj from './services/dsedj.json' with { type: 'json' };
import dsedt from './services/dsedt.json' with { type: 'json' };
import dsf from './services/dsf.json' with { type: 'json' };
import dsfsm from './services/dsfsm.json' with { type: 'json' };
import dsi from './services/dsi.json' with { type: 'json' };
import dsop from './services/dsop.json' with { type: 'json' };
import dspa from './services/dspa.json' with { type: 'json' };
import dsscu from './services/dsscu.json' with { type: 'json' };
import dst from './services/dst.json' with { type: 'json' };
import fdct from './services/fdct.json' with { type: 'json' };
import fp from './services/fp.json' with { type: 'json' };
import fss from './services/fss.json' with { type: 'json' };
import gcs from './services/gcs.json' with { type: 'json' };
import hengqin from './services/hengqin.json' with { type: 'json' };
import iam from './services/iam.json' with { type: 'json' };
import ias from './services/ias.json' with { type: 'json' };
import ic from './services/ic.json' with { type: 'json' };
import id from './services/id.json' with { type: 'json' };
import ih from './services/ih.json' with { type: 'json' };
import ipim from './services/ipim.json' with { type: 'json' };
import pj from './services/pj.json' with { type: 'json' };
import sa from './services/sa.json' with { type: 'json' };
import safp from './services/safp.json' with { type: 'json' };
import ssm from './services/ssm.json' with { type: 'json' };

export const serviceFiles: Readonly<Record<string, unknown>> = {
  'amcm.json': amcm,
  'cb.json': cb,
  'ccac.json': ccac,
  'cpsp.json': cpsp,
  'ctt.json': ctt,
  'dicj.json': dicj,
  'dsaj.json': dsaj,
  'dsal.json': dsal,
  'dsama.json': dsama,
  'dsat.json': dsat,
  'dsc.json': dsc,
  'dscc.json': dscc,
  'dsec.json': dsec,
  'dsedj.json': dsedj,
  'dsedt.json': dsedt,
  'dsf.json': dsf,
  'dsfsm.json': dsfsm,
  'dsi.json': dsi,
  'dsop.json': dsop,
  'dspa.json': dspa,
  'dsscu.json': dsscu,
  'dst.json': dst,
  'fdct.json': fdct,
  'fp.json': fp,
  'fss.json': fss,
  'gcs.json': gcs,
  'hengqin.json': hengqin,
  'iam.json': iam,
  'ias.json': ias,
  'ic.json': ic,
  'id.json': id,
  'ih.json': ih,
  'ipim.json': ipim,
  'pj.json': pj,
  'sa.json': sa,
  'safp.json': safp,
  'ssm.json': ssm,
};
