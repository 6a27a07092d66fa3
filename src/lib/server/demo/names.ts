import type { Locale } from '$lib/i18n/locales';

// Names as German authorities record them (Latin transcription), by the language the family speaks.
export const NAMES: Record<Locale, { given: string[]; family: string[] }> = {
	ar: {
		given: [
			'Amina',
			'Omar',
			'Layla',
			'Khaled',
			'Fatima',
			'Yusuf',
			'Rania',
			'Mahmoud',
			'Huda',
			'Samir',
			'Nour',
			'Bilal',
			'Rim',
			'Tarek',
			'Salma',
			'Hassan',
			'Dima',
			'Karim',
			'Mariam',
			'Ahmad'
		],
		family: [
			'Al-Hassan',
			'Haddad',
			'Khalil',
			'Nasser',
			'Darwish',
			'Mansour',
			'Saleh',
			'Youssef',
			'Ibrahim',
			'Al-Masri',
			'Hamdan',
			'Aziz'
		]
	},
	ti: {
		given: [
			'Selam',
			'Yonas',
			'Helen',
			'Dawit',
			'Senait',
			'Filmon',
			'Luwam',
			'Mehari',
			'Saba',
			'Tesfalem',
			'Rahel',
			'Biniam',
			'Eden',
			'Kidane'
		],
		family: ['Tesfay', 'Gebremedhin', 'Kidane', 'Haile', 'Berhane', 'Tekle', 'Mebrahtu', 'Ghebre', 'Asmerom', 'Woldu']
	},
	fa: {
		given: [
			'Zahra',
			'Ali',
			'Maryam',
			'Reza',
			'Fatemeh',
			'Hamid',
			'Shirin',
			'Javad',
			'Parisa',
			'Mohammad',
			'Nilofar',
			'Farid',
			'Sima',
			'Ahmad'
		],
		family: ['Ahmadi', 'Hosseini', 'Rahimi', 'Karimi', 'Mohammadi', 'Sadeghi', 'Jafari', 'Noori', 'Haidari', 'Rezaei']
	},
	en: {
		given: ['Grace', 'Emmanuel', 'Blessing', 'Samuel', 'Joy', 'Daniel', 'Mercy', 'Joseph'],
		family: ['Okafor', 'Mensah', 'Adeyemi', 'Jallow', 'Ceesay', 'Owusu']
	},
	de: {
		given: ['Olena', 'Andrii', 'Iryna', 'Serhii', 'Aylin', 'Murat'],
		family: ['Kovalenko', 'Shevchenko', 'Yilmaz', 'Demir']
	}
};
