// Baden-Württemberg's 44 counties (35 land districts, 9 urban districts) with real towns in each, and the
// welfare organisations that run migration counselling there. Reference data for the statewide benchmark.
export const COUNTIES = [
	['Landkreis Ludwigsburg', ['Ludwigsburg', 'Ditzingen', 'Hemmingen', 'Bietigheim-Bissingen']],
	['Alb-Donau-Kreis', ['Ehingen (Donau)', 'Blaubeuren', 'Laichingen']],
	['Landkreis Biberach', ['Biberach an der Riß', 'Laupheim', 'Riedlingen']],
	['Landkreis Böblingen', ['Böblingen', 'Sindelfingen', 'Herrenberg', 'Leonberg']],
	['Bodenseekreis', ['Friedrichshafen', 'Überlingen', 'Markdorf']],
	['Landkreis Breisgau-Hochschwarzwald', ['Titisee-Neustadt', 'Müllheim im Markgräflerland', 'Breisach am Rhein']],
	['Landkreis Calw', ['Calw', 'Nagold', 'Bad Wildbad']],
	['Landkreis Emmendingen', ['Emmendingen', 'Waldkirch', 'Kenzingen']],
	['Enzkreis', ['Mühlacker', 'Niefern-Öschelbronn', 'Remchingen']],
	['Landkreis Esslingen', ['Esslingen am Neckar', 'Nürtingen', 'Filderstadt', 'Kirchheim unter Teck']],
	['Landkreis Freudenstadt', ['Freudenstadt', 'Horb am Neckar', 'Dornstetten']],
	['Landkreis Göppingen', ['Göppingen', 'Geislingen an der Steige', 'Eislingen/Fils']],
	['Landkreis Heidenheim', ['Heidenheim an der Brenz', 'Giengen an der Brenz', 'Herbrechtingen']],
	['Landkreis Heilbronn', ['Neckarsulm', 'Bad Rappenau', 'Eppingen']],
	['Hohenlohekreis', ['Künzelsau', 'Öhringen', 'Niedernhall']],
	['Landkreis Karlsruhe', ['Bruchsal', 'Ettlingen', 'Bretten']],
	['Landkreis Konstanz', ['Konstanz', 'Singen (Hohentwiel)', 'Radolfzell am Bodensee']],
	['Landkreis Lörrach', ['Lörrach', 'Weil am Rhein', 'Rheinfelden (Baden)']],
	['Main-Tauber-Kreis', ['Tauberbischofsheim', 'Wertheim', 'Bad Mergentheim']],
	['Neckar-Odenwald-Kreis', ['Mosbach', 'Buchen (Odenwald)', 'Walldürn']],
	['Ortenaukreis', ['Offenburg', 'Lahr/Schwarzwald', 'Kehl']],
	['Ostalbkreis', ['Aalen', 'Schwäbisch Gmünd', 'Ellwangen (Jagst)']],
	['Landkreis Rastatt', ['Rastatt', 'Gaggenau', 'Bühl']],
	['Landkreis Ravensburg', ['Ravensburg', 'Weingarten', 'Wangen im Allgäu']],
	['Rems-Murr-Kreis', ['Waiblingen', 'Schorndorf', 'Backnang']],
	['Landkreis Reutlingen', ['Reutlingen', 'Metzingen', 'Pfullingen']],
	['Rhein-Neckar-Kreis', ['Weinheim', 'Sinsheim', 'Wiesloch', 'Schwetzingen']],
	['Landkreis Rottweil', ['Rottweil', 'Schramberg', 'Oberndorf am Neckar']],
	['Landkreis Schwäbisch Hall', ['Schwäbisch Hall', 'Crailsheim', 'Gaildorf']],
	['Schwarzwald-Baar-Kreis', ['Villingen-Schwenningen', 'Donaueschingen', 'St. Georgen im Schwarzwald']],
	['Landkreis Sigmaringen', ['Sigmaringen', 'Bad Saulgau', 'Pfullendorf']],
	['Landkreis Tübingen', ['Tübingen', 'Rottenburg am Neckar', 'Mössingen']],
	['Landkreis Tuttlingen', ['Tuttlingen', 'Spaichingen', 'Trossingen']],
	['Landkreis Waldshut', ['Waldshut-Tiengen', 'Bad Säckingen', 'Wehr']],
	['Zollernalbkreis', ['Balingen', 'Albstadt', 'Hechingen']],
	['Stadtkreis Baden-Baden', ['Baden-Baden']],
	['Stadtkreis Freiburg im Breisgau', ['Freiburg im Breisgau']],
	['Stadtkreis Heidelberg', ['Heidelberg']],
	['Stadtkreis Heilbronn', ['Heilbronn']],
	['Stadtkreis Karlsruhe', ['Karlsruhe']],
	['Stadtkreis Mannheim', ['Mannheim']],
	['Stadtkreis Pforzheim', ['Pforzheim']],
	['Stadtkreis Stuttgart', ['Stuttgart']],
	['Stadtkreis Ulm', ['Ulm']]
];

/** Big cities get more people (Stuttgart, Mannheim, Karlsruhe, Freiburg take in more than a rural county). */
export function countyWeight(name) {
	if (/Stuttgart|Mannheim|Karlsruhe$|Freiburg/.test(name)) return 2.2;
	if (name.startsWith('Stadtkreis')) return 0.8;
	return 1;
}

export const WELFARE = ['Caritas', 'Diakonie', 'DRK-Kreisverband', 'AWO'];

export const DISTRICTS = ['Kernstadt', 'Nord', 'Süd', 'Oststadt', 'Weststadt', 'Altstadt'];

export const STREETS = ['Hauptstr.', 'Bahnhofstr.', 'Schulstr.', 'Lindenweg', 'Gartenstr.', 'Marktplatz', 'Kirchstr.'];

// Names some participants entered themselves in their own script (the rest as authorities transcribe them).
export const NATIVE_NAMES = {
	ar: { given: ['أمينة', 'عمر', 'ليلى', 'خالد', 'فاطمة', 'يوسف'], family: ['الحسن', 'حداد', 'خليل', 'نصر'] },
	fa: { given: ['زهرا', 'علی', 'مریم', 'رضا', 'نرگس', 'حسین'], family: ['احمدی', 'رضایی', 'محمدی', 'کریمی'] },
	ti: { given: ['ሰላም', 'ዳዊት', 'ሄለን', 'ዮናስ', 'ሳባ', 'ሚካኤል'], family: ['ተስፋይ', 'ገብረሚካኤል', 'ሃይለ', 'በርሀ'] }
};
